package org.fingerspell.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fingerspell.AppInfo;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.ui.AppModel;
import org.fingerspell.ui.Page;
import org.fingerspell.ui.Themes;
import org.fingerspell.ui.settings.SettingsDialog;

import java.util.ArrayList;
import java.util.List;

/**
 * The window's frame: a header with one navigation button per page, Settings and the theme switch, and the
 * pages below. Pages are built once and kept, so their state (the spelled text) survives switching.
 */
public final class AppShell {

    private final AppModel app;
    private final List<Page> pages;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private Page selected;

    public AppShell(AppModel app, List<Page> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("the shell needs at least one page");
        }
        this.app = app;
        this.pages = List.copyOf(pages);
        root.getStyleClass().add("app-shell");
        root.getStylesheets().add(AppShell.class.getResource("AppShell.css").toExternalForm());
        root.setTop(header());
        root.setCenter(content);
        for (Page page : this.pages) {
            Node view = page.view();
            view.setVisible(false);
            content.getChildren().add(view);
        }
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now != null && selected == null) {
                select(this.pages.get(0));
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    public List<Page> pages() {
        return pages;
    }

    /** Shows {@code page}; the previous one is hidden but kept. */
    public void select(Page page) {
        Scene scene = root.getScene();
        if (selected != null) {
            selected.view().setVisible(false);
            if (scene != null) {
                selected.hidden(scene);
            }
        }
        selected = page;
        page.view().setVisible(true);
        if (scene != null) {
            page.shown(scene);
        }
        int index = pages.indexOf(page);
        navigation.getToggles().get(index).setSelected(true);
    }

    public Page selected() {
        return selected;
    }

    public void close() {
        pages.forEach(Page::close);
    }

    private Node header() {
        Label title = new Label("Fingerspell");
        title.getStyleClass().add("app-title");
        title.setTooltip(new Tooltip("Fingerspell " + AppInfo.version()));

        HBox nav = new HBox(4);
        nav.setAlignment(Pos.CENTER_LEFT);
        for (Page page : pages) {
            ToggleButton button = new ToggleButton(page.title());
            button.setId("nav-" + page.title().toLowerCase(java.util.Locale.ROOT));
            button.getStyleClass().addAll(Styles.FLAT, "nav-button");
            button.setToggleGroup(navigation);
            button.setOnAction(e -> {
                button.setSelected(true);
                select(page);
            });
            nav.getChildren().add(button);
        }

        Button settings = new Button("Settings");
        settings.setId("settings");
        settings.getStyleClass().add(Styles.FLAT);
        settings.setOnAction(e -> new SettingsDialog(app, root.getScene().getWindow()).showAndWait()
                .ifPresent(app::update));

        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("darkTheme");
        dark.getStyleClass().add(Styles.FLAT);
        dark.setSelected(app.settings().theme() == AppSettings.Theme.DARK);
        dark.setTooltip(new Tooltip("Switch between the light and dark theme"));
        dark.selectedProperty().addListener((obs, was, now) ->
                app.update(app.settings().withTheme(now ? AppSettings.Theme.DARK : AppSettings.Theme.LIGHT)));
        app.settingsProperty().addListener((obs, was, now) -> {
            if (was == null || was.theme() != now.theme()) {
                Themes.apply(now.theme());
            }
            dark.setSelected(now.theme() == AppSettings.Theme.DARK);
        });

        List<Node> items = new ArrayList<>(List.of(title, nav, new Spacer(), settings, dark));
        HBox header = new HBox(16);
        header.getChildren().setAll(items);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }
}
