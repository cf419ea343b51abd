package org.vigie.detect.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a source iterator on a thread of its own, a batch of items ahead of the consumer, so that parsing the
 * input (decompression, CSV or JSON, timestamps) and extracting co-action traces run on two cores at once. The
 * source's exceptions reach the consumer from {@link #next()}/{@link #hasNext()}, in order, after the items read
 * before them. {@link #close()} stops the thread (a cancelled run); the source itself is closed by its owner.
 */
final class ReadAhead<T> implements Iterator<T>, AutoCloseable {
    private static final int BATCH = 1_024;
    private static final int BATCHES_AHEAD = 16;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean stopped;
    private List<T> batch = List.of();
    private int position;
    private boolean ended;

    private record End(RuntimeException failure) {
    }

    ReadAhead(Iterator<T> source, String name) {
        thread = new Thread(() -> produce(source), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Iterator<T> source) {
        List<T> b = new ArrayList<>(BATCH);
        RuntimeException failure = null;
        try {
            while (!stopped && source.hasNext()) {
                b.add(source.next());
                if (b.size() == BATCH) {
                    put(b);
                    b = new ArrayList<>(BATCH);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("reading failed: " + e, e);
        }
        if (!b.isEmpty()) {
            put(b); // the items read before a failure come first
        }
        put(new End(failure));
    }

    private void put(Object item) {
        try {
            while (!stopped && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is busy, or gone (then stopped turns true)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean hasNext() {
        while (position == batch.size()) {
            if (ended) {
                return false;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading", e);
            }
            if (item instanceof End end) {
                ended = true;
                if (end.failure() != null) {
                    throw end.failure();
                }
                return false;
            }
            batch = (List<T>) item;
            position = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(position++);
    }

    /** Stops the reading thread and waits for it, so the source can be closed safely afterwards. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
