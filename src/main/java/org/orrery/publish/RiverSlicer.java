package org.orrery.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.orrery.model.Post;
import org.orrery.render.Navigation;
import org.orrery.render.PublishException;

/**
 * Cuts a river, read once newest first, into pages and hands each to a renderer as soon as its
 * posts are read. The pages are rendered on as many threads as there are cores while the river
 * is still being read (at 10,000 feeds this halved publishing); at most two pages per thread
 * wait, so memory stays bounded whatever the river's length.
 */
final class RiverSlicer {
    /** Posts {@code from} (inclusive) to {@code to} (exclusive) of the river, as one page at {@code path}. */
    record Slice(int from, int to, String path, Navigation navigation) {}

    /** What to do with the posts of a slice; may fail to publish. */
    interface SliceAction {
        void publish(Slice slice, List<Post> posts) throws PublishException;
    }

    /** Reads the river: hands each post, newest first, to the consumer, up to a number of posts. */
    interface RiverReader {
        void read(int limit, Consumer<Post> action);
    }

    private RiverSlicer() {}

    /**
     * Hands each of {@code slices} (in river order, not overlapping) its posts, each mapped by
     * {@code map}, read by {@code river}. The first slice that fails stops those not yet handed
     * out and is what this throws, once the slices already handed out are done.
     */
    static void publish(RiverReader river, List<Slice> slices, UnaryOperator<Post> map, SliceAction action)
            throws PublishException {
        if (slices.isEmpty()) {
            return;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService rendering = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("orrery-publish-", 0).daemon().factory())) {
            var cutter = new Cutter(slices, map, action, rendering, 2 * threads);
            river.read(slices.getLast().to(), cutter);
            cutter.finish();
            switch (cutter.failure().orElse(null)) {
                case null -> {}
                case PublishException e -> throw e;
                case RuntimeException e -> throw e; // a bug, passed on as it is
                case Exception e -> throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Collects the posts of the slice being read and hands each slice to the pool once complete.
     * Used by the reading thread only; what the pool's tasks share with it goes through their
     * {@link Future}s.
     */
    private static final class Cutter implements Consumer<Post> {
        private final List<Slice> slices;
        private final UnaryOperator<Post> map;
        private final SliceAction action;
        private final ExecutorService rendering;
        private final int maxWaiting;
        private final ArrayDeque<Future<?>> handedOut = new ArrayDeque<>();
        private final List<Post> current = new ArrayList<>();
        private int index;
        private int next;
        private Exception failure;

        Cutter(List<Slice> slices, UnaryOperator<Post> map, SliceAction action, ExecutorService rendering, int max) {
            this.slices = slices;
            this.map = map;
            this.action = action;
            this.rendering = rendering;
            this.maxWaiting = max;
        }

        @Override
        public void accept(Post post) {
            int i = index++;
            while (next < slices.size() && i >= slices.get(next).to()) {
                handOut(slices.get(next++));
            }
            if (failure == null && next < slices.size() && i >= slices.get(next).from()) {
                current.add(map.apply(post));
            }
        }

        /** Hands out the last slice, and any the river no longer fills; waits for every slice. */
        void finish() {
            while (next < slices.size()) {
                handOut(slices.get(next++));
            }
            while (!handedOut.isEmpty()) {
                await(handedOut.removeFirst());
            }
        }

        Optional<Exception> failure() {
            return Optional.ofNullable(failure);
        }

        private void handOut(Slice slice) {
            List<Post> posts = List.copyOf(current);
            current.clear();
            while (failure == null && handedOut.size() >= maxWaiting) {
                await(handedOut.removeFirst());
            }
            if (failure != null) {
                return; // once one slice failed, no other is rendered; the river is read to its end
            }
            handedOut.addLast(rendering.submit(() -> {
                action.publish(slice, posts);
                return null;
            }));
        }

        private void await(Future<?> slice) {
            try {
                slice.get();
            } catch (ExecutionException e) {
                if (failure == null && e.getCause() instanceof Exception cause) {
                    failure = cause;
                } else if (e.getCause() instanceof Error error) {
                    throw error;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
    }
}
