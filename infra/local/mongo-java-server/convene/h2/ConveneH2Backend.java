package convene.h2;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.ConveneLayoutH2Database;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/** Upstream's H2 backend, whose databases use Convene's layout (see Layout) on a file created by it. */
public final class ConveneH2Backend extends H2Backend {
    private ConveneH2Backend(MVStore store) {
        super(store);
    }

    /** The backend on the H2 file (created if new); a file written in upstream's layout keeps it. */
    public static ConveneH2Backend open(String file) {
        MVStore store = MVStore.open(file);
        Layout.decide(store); // before any database opens in it: a new file is marked
        return new ConveneH2Backend(store);
    }

    /** Whether this file is in Convene's layout (false: upstream's). */
    public boolean conveneLayout() {
        return Layout.isConvene(getMvStore());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from the superclass constructor too: only getMvStore() (set first there) is used.
        MVStore store = getMvStore();
        return Layout.isConvene(store)
            ? ConveneLayoutH2Database.open(databaseName, store, getCursorRegistry())
            : new H2Database(databaseName, store, getCursorRegistry());
    }
}
