package dev.softdelete.it.leak;

/** The three visibilities a read of the leak matrix runs in. */
enum MatrixScope {
    DEFAULT("default"),
    UNFILTERED("unfiltered()"),
    ONLY_DELETED("onlyDeleted()");

    final String label;

    MatrixScope(String label) {
        this.label = label;
    }
}
