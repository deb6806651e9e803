package dev.baton.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by Maven), or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Baton.class.getPackage().getImplementationVersion();
        return new String[] {"baton " + (version == null ? "development" : version)};
    }
}
