package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import convene.h2.StringIndexKeys;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * Upstream's H2Database with one change: unique index maps are opened with {@link StringIndexKeys}. In
 * upstream's package only because H2UniqueIndex's constructor is package-private; nothing else is reached.
 */
public final class StringKeyedH2Database extends H2Database {
    // The superclass constructor opens the indexes before this class's fields are set: the store rides here.
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private StringKeyedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    public static StringKeyedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        OPENING.set(store);
        try {
            return new StringKeyedH2Database(databaseName, store, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVStore mvStore = store != null ? store : OPENING.get();
        // The same map name as upstream's (its dropIndex and drop find the map by name).
        String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = mvStore.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(StringIndexKeys.INSTANCE));
        return new H2UniqueIndex(map, indexName, keys, sparse);
    }
}
