package org.fingerspell.ui;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs slow work (model loading, camera probing, settings files, stopping a pipeline) off the FX thread;
 * results and failures come back on the FX thread, and failures are always logged.
 */
public final class Background implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private final ExecutorService executor;

    public Background() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fingerspell-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                LOG.debug("Background task failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            } catch (Throwable t) {
                LOG.error("Background task failed", t);
                Platform.runLater(() -> onFailure.accept(new RuntimeException(t.toString(), t)));
            }
        });
    }

    /**
     * Runs a {@link Task} (long work with progress: its callbacks and properties are updated on the FX thread);
     * a failure is logged here, since a Task otherwise keeps its exception to itself.
     */
    public void submit(Task<?> task) {
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            String what = task.getTitle().isEmpty() ? "Background task" : task.getTitle();
            LOG.warn("{} failed: {}", what, task.getException().toString());
            LOG.debug("{} failed", what, task.getException());
        });
        executor.execute(task);
    }

    /** Fire and forget; failures are logged. */
    public void run(String what, ThrowingRunnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (Exception | LinkageError e) {
                LOG.warn("{} failed: {}", what, e.toString());
            }
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(3, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
