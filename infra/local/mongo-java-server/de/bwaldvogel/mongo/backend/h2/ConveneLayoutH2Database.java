package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import convene.h2.ConveneH2Collection;
import convene.h2.DocumentType;
import convene.h2.IndexKeyType;
import convene.h2.PositionKeyType;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Upstream's H2Database with its maps opened with Convene's key and value types (under upstream's map names, so
 * its drop, dropIndex, dropCollection and moveCollection find them) and its collections ConveneH2Collection. In
 * upstream's package only because H2UniqueIndex's constructor is package-private; nothing else of it is reached.
 */
public final class ConveneLayoutH2Database extends H2Database {
    // The superclass constructor opens collections and indexes before this class's fields are set: the store
    // rides here while it runs.
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private ConveneLayoutH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    public static ConveneLayoutH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        OPENING.set(store);
        try {
            return new ConveneLayoutH2Database(databaseName, store, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        String name = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = store().openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        return new H2UniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store().openMap(DATABASES_PREFIX + fullName,
            new MVMap.Builder<Object, Document>().keyType(PositionKeyType.INSTANCE).valueType(DocumentType.INSTANCE));
        MVMap<String, Object> metaMap = store().openMap("meta." + fullName);
        return new ConveneH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }
}
