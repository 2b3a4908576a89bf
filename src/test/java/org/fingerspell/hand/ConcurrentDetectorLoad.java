package org.fingerspell.hand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * Child process of {@link PalmDetectorConcurrencyTest}: N threads released together each build a
 * {@link PalmDetector}, as the crop command's workers do. Only a process's first imports race, so one process
 * tries once and exits 0; a native crash kills it with SIGSEGV/SIGABRT instead.
 */
public final class ConcurrentDetectorLoad {

    private ConcurrentDetectorLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    new PalmDetector(model).close();
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure[0] != null) {
            failure[0].printStackTrace();
            System.exit(2);
        }
        System.out.println("loaded " + threads);
    }
}
