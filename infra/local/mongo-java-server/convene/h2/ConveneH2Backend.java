package convene.h2;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.StringKeyedH2Database;

/** Upstream's H2 backend, whose databases order string index keys as strings when the store allows it. */
public final class ConveneH2Backend extends H2Backend {
    private ConveneH2Backend(MVStore store) {
        super(store);
    }

    /** The backend on the H2 file (created if new); a file written with upstream's layout keeps it. */
    public static ConveneH2Backend open(String file) {
        MVStore store = MVStore.open(file);
        StringIndexKeys.usedBy(store); // a new store is marked before any database opens in it
        return new ConveneH2Backend(store);
    }

    /** Whether this store's indexes use {@link StringIndexKeys} (false: a file from upstream's layout). */
    public boolean stringIndexKeys() {
        return StringIndexKeys.usedBy(getMvStore());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from the superclass constructor too: only getMvStore() (set first there) is used.
        MVStore store = getMvStore();
        return StringIndexKeys.usedBy(store)
            ? StringKeyedH2Database.open(databaseName, store, getCursorRegistry())
            : new H2Database(databaseName, store, getCursorRegistry());
    }
}
