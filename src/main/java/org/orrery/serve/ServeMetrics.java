package org.orrery.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.orrery.refresh.RefreshSummary;

/**
 * What {@code orrery serve} counts, written at {@code /metrics} in Prometheus text format
 * (Micrometer's Prometheus registry). The names, as scraped:
 *
 * <ul>
 *   <li>{@code orrery_fetches_total{outcome}}: fetches by outcome, {@code ok} (200, read and
 *       stored), {@code not_modified} (304, or the same bytes again), {@code failed} (an error,
 *       a timeout, a feed that cannot be read), {@code gone} (410: not fetched again);
 *   <li>{@code orrery_fetch_duration_seconds} (count, sum, max): a feed's whole refresh, fetch,
 *       parse and store, waiting for a connection slot not included;
 *   <li>{@code orrery_publish_duration_seconds{result}} (count, sum, max): publishings, {@code
 *       written} (files changed), {@code unchanged} or {@code failed};
 *   <li>{@code orrery_entries_stored_total{change}}: entries stored, {@code new} or {@code
 *       updated};
 *   <li>{@code orrery_scheduler_feeds_due}: feeds due and waiting for a connection slot (the
 *       queue); {@code orrery_scheduler_fetches_active}: fetches under way; {@code
 *       orrery_subscriptions}: feeds scheduled;
 *   <li>the JVM's memory, collector, threads, CPU and uptime ({@code jvm_*}, {@code process_*},
 *       {@code system_*}), as Micrometer names them.
 * </ul>
 */
final class ServeMetrics implements AutoCloseable {
    /** The content type of {@link #scrape}: Prometheus text exposition format 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter ok;
    private final Counter notModified;
    private final Counter failed;
    private final Counter gone;
    private final Counter added;
    private final Counter updated;
    private final Timer fetchTime;
    private final Timer written;
    private final Timer unchanged;
    private final Timer publishFailed;

    /**
     * @param due feeds due and waiting for a connection slot
     * @param active fetches under way
     * @param subscriptions feeds scheduled
     */
    ServeMetrics(IntSupplier due, IntSupplier active, IntSupplier subscriptions) {
        ok = fetches("ok");
        notModified = fetches("not_modified");
        failed = fetches("failed");
        gone = fetches("gone");
        added = entries("new");
        updated = entries("updated");
        fetchTime = Timer.builder("orrery.fetch.duration")
                .description("A feed's refresh: fetch, parse and store")
                .register(registry);
        written = publish("written");
        unchanged = publish("unchanged");
        publishFailed = publish("failed");
        Gauge.builder("orrery.scheduler.feeds.due", due::getAsInt)
                .description("Feeds due and waiting for a connection slot")
                .register(registry);
        Gauge.builder("orrery.scheduler.fetches.active", active::getAsInt)
                .description("Fetches under way")
                .register(registry);
        Gauge.builder("orrery.subscriptions", subscriptions::getAsInt)
                .description("Feeds scheduled")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private Counter fetches(String outcome) {
        return Counter.builder("orrery.fetches")
                .description("Fetches by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter entries(String change) {
        return Counter.builder("orrery.entries.stored")
                .description("Entries stored")
                .tag("change", change)
                .register(registry);
    }

    private Timer publish(String result) {
        return Timer.builder("orrery.publish.duration")
                .description("Publishings of the site")
                .tag("result", result)
                .register(registry);
    }

    /** One feed refreshed in {@code took}; {@code gone} when its server said 410. */
    void refreshed(RefreshSummary summary, Duration took, boolean isGone) {
        fetchTime.record(took);
        if (isGone) {
            gone.increment();
        } else {
            failed.increment(summary.failed());
        }
        ok.increment(summary.ok());
        notModified.increment(summary.notModified());
        added.increment(summary.added());
        updated.increment(summary.updated());
    }

    /** A publishing that took {@code took}: files written (true), none (false), or it failed (null). */
    void published(Boolean wroteFiles, Duration took) {
        (wroteFiles == null ? publishFailed : wroteFiles ? written : unchanged).record(took);
    }

    /** Every meter in Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
