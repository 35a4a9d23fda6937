/**
 * {@code orrery serve}: one long-running process that keeps a planet fresh and serves it. {@link
 * org.orrery.serve.PlanetServer} holds it together: {@link org.orrery.serve.FeedScheduler} fetches
 * each subscription when it is due (its own freshness lifetime, backoff or Retry-After, else {@code
 * poll_interval}), {@link org.orrery.serve.PublishDebouncer} publishes once a burst of changes has
 * settled, and {@link org.orrery.serve.SiteServer} (Jetty's core server) serves {@code output_dir}
 * as the files {@code orrery build} writes, with {@code /healthz} beside them.
 */
package org.orrery.serve;
