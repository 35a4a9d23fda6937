package org.orrery.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Orrery's logging, set up in code: warnings and errors on standard error as {@code TIME LEVEL
 * Logger: message}, the level from {@code ORRERY_LOG_LEVEL} (WARN unset). Reading an XML file
 * instead took a quarter of a second of every run, a tenth of one whose feeds all answer 304.
 * {@code -Dlogback.configurationFile=FILE} still replaces it.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var layout = new LineLayout();
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        var appender = new AboveProgress();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv("ORRERY_LOG_LEVEL")));
        root.addAppender(appender);
        // Libraries say at INFO what they do every run; only their problems are news.
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.apache.hc").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Logs errors only, whatever {@code ORRERY_LOG_LEVEL} says ({@code --quiet}), until the
     * returned handle is closed, which restores the level before.
     */
    static AutoCloseable errorsOnly() {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> {};
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.ERROR);
        return () -> root.setLevel(before);
    }

    /**
     * For {@code orrery serve}, a service whose log is its record: what it fetched wrong and
     * published at INFO, unless {@code ORRERY_LOG_LEVEL} says otherwise.
     */
    static void serving() {
        if (System.getenv("ORRERY_LOG_LEVEL") == null
                && org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("org.orrery.serve").setLevel(Level.INFO);
        }
    }

    /** The level {@code name} names (DEBUG, INFO, WARN, ERROR, OFF, ...), WARN when unset or unknown. */
    static Level level(String name) {
        return Level.toLevel(name == null ? null : name.strip(), Level.WARN);
    }

    /** Standard error, above the progress line when one is drawn ({@link RefreshProgress}). */
    static final class AboveProgress extends ConsoleAppender<ILoggingEvent> {
        @Override
        protected void subAppend(ILoggingEvent event) {
            RefreshProgress.aboveProgress(() -> super.subAppend(event));
        }
    }

    /**
     * {@code 2026-12-05T07:25:01Z LEVEL Logger: message} (the time in UTC, to the second, so a
     * cron job's log says when), then the stack trace of the exception logged, if any.
     */
    static final class LineLayout extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            String name = event.getLoggerName();
            var line = new StringBuilder(128)
                    .append(java.time.Instant.ofEpochSecond(event.getTimeStamp() / 1000))
                    .append(' ')
                    .append(event.getLevel())
                    .append(' ')
                    .append(name, name.lastIndexOf('.') + 1, name.length())
                    .append(": ")
                    .append(event.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            if (event.getThrowableProxy() != null) {
                line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append(CoreConstants.LINE_SEPARATOR);
            }
            return line.toString();
        }
    }
}
