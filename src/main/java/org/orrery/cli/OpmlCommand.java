package org.orrery.cli;

import picocli.CommandLine.Command;

/** {@code orrery opml}: moves subscriptions between config.ini and the OPML files feed readers exchange. */
@Command(
        name = "opml",
        mixinStandardHelpOptions = true,
        description = "Export a config's subscriptions as OPML, or import an OPML subscription list.",
        subcommands = {OpmlExportCommand.class, OpmlImportCommand.class})
final class OpmlCommand {}
