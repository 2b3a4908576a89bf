package org.fingerspell.ui.files;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.fingerspell.video.ThreadLog;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Files UI tests share: waiting, the table, a file drop, the FX-thread check. */
final class FilesUi {

    private FilesUi() {
    }

    static void waitFor(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    static TableView<FileRow> table(FxRobot robot) {
        return robot.lookup("#filesTable").queryAs(TableView.class);
    }

    /**
     * Drops {@code files} on {@code target} as a file manager would: a DRAG_OVER the view must accept, then the
     * DRAG_DROPPED, both through the scene's event dispatch with a real dragboard holding the files.
     *
     * @return whether the view accepted the drag and completed the drop
     */
    static boolean drop(FxRobot robot, Node target, List<File> files) {
        boolean[] result = new boolean[1];
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(dragSourceClipboard());
            board.setContent(Map.of(DataFormat.FILES, files));
            Bounds bounds = target.localToScene(target.getBoundsInLocal());
            double x = bounds.getCenterX();
            double y = bounds.getCenterY();
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, x, y, x, y, TransferMode.COPY, null, null,
                    null);
            Event.fireEvent(target, over);
            DragEvent dropped = new DragEvent(DragEvent.DRAG_DROPPED, board, x, y, x, y, TransferMode.COPY, null,
                    null, null);
            Event.fireEvent(target, dropped);
            result[0] = over.isAccepted() && dropped.isDropCompleted();
        });
        return result[0];
    }

    /**
     * An in-process clipboard that says which transfer modes its drag source offers (the toolkit's local one is
     * for the clipboard proper and refuses to), as the native drag source does.
     */
    private static TKClipboard dragSourceClipboard() {
        TKClipboard local = Toolkit.getToolkit().createLocalClipboard();
        Set<TransferMode> modes = EnumSet.of(TransferMode.COPY, TransferMode.MOVE);
        return (TKClipboard) Proxy.newProxyInstance(TKClipboard.class.getClassLoader(),
                new Class<?>[] {TKClipboard.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getTransferModes")) {
                        return modes;
                    }
                    try {
                        return method.invoke(local, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** No file reading, inference or model loading was recorded on the FX thread; and each was recorded. */
    static void assertNothingBlockingOnFxThread(List<String> operations) throws Exception {
        String fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get();
        Map<String, Set<String>> threads = ThreadLog.shared().snapshot();
        for (String operation : operations) {
            assertTrue(threads.containsKey(operation), operation + " was never recorded: " + threads);
        }
        threads.forEach((operation, names) ->
                assertFalse(names.contains(fxThread), operation + " ran on the FX thread: " + threads));
    }
}
