package convene.h2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Upstream's H2 collection, answering two kinds of query without reading every document more than once:
 * <ul>
 * <li>a query that pins the _id (equal to a value, or $in a list) and names other fields too, such as a
 * revision-checked replace: upstream uses an index only when a query names exactly its fields, so these read
 * the whole collection; here the _id index gives the candidates, in the order the whole collection would have
 * given them, and the whole query filters them;</li>
 * <li>a sort on numbers (1, -1): upstream's comparator looks each sort key up in both documents at every
 * comparison; here each document's key is looked up once, when first compared, and compared as upstream does.</li>
 * </ul>
 */
public final class ConveneH2Collection extends H2Collection {

    public ConveneH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                               MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    private static boolean plain(Object value) {
        return value instanceof String || value instanceof ObjectId || value instanceof Number
            || value instanceof Boolean || value instanceof Instant || value instanceof UUID;
    }

    /** The query's condition on the _id alone, when it is an equality or an $in of plain values. */
    private Document idCondition(Document query) {
        String idField = getIdField();
        if (idField == null || query.size() < 2 || !query.containsKey(idField)) return null;
        Object condition = query.get(idField);
        if (plain(condition)) return new Document(idField, condition);
        if (condition instanceof Document && ((Document) condition).size() == 1) {
            Object in = ((Document) condition).get("$in");
            if (in instanceof Collection && ((Collection<?>) in).stream().allMatch(ConveneH2Collection::plain)) {
                return new Document(idField, condition);
            }
        }
        return null;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Document byId = idCondition(query);
        boolean natural = orderBy != null && !orderBy.isEmpty() && orderBy.keySet().iterator().next().equals("$natural");
        if (byId != null && !natural) {
            List<Index<Object>> indexes = getIndexes();
            if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
                for (Index<Object> index : indexes) {
                    if (!index.canHandle(byId)) continue;
                    List<Object> positions = new ArrayList<>();
                    index.getPositions(byId).forEach(positions::add);
                    // The order the whole collection is read in (its documents' key order), so a limit, a skip or
                    // a single-document write picks the document upstream would.
                    positions.sort(PositionKeyType.INSTANCE::compare);
                    // A document deleted since the index was read is simply gone.
                    Stream<Document> documents = positions.stream().map(this::getDocument).filter(Objects::nonNull);
                    return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> documentStream, Document query, Document orderBy,
                                                   int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Comparator<Document> comparator = deriveComparator(orderBy);
        if (comparator != null && orderBy.values().stream().allMatch(Number.class::isInstance)) comparator = new KeysLookedUpOnce(orderBy);
        return matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize, comparator, fieldSelector);
    }

    /** Upstream's DocumentComparator for sort values 1 and -1, each document's keys looked up once per query. */
    private static final class KeysLookedUpOnce implements Comparator<Document> {
        private static final Object NOT_YET = new Object();
        private final String[] fields;
        private final ValueComparator[] comparators;
        private final Map<Document, Object[]> keys = new IdentityHashMap<>();

        KeysLookedUpOnce(Document orderBy) {
            fields = orderBy.keySet().toArray(new String[0]);
            comparators = new ValueComparator[fields.length];
            for (int i = 0; i < fields.length; i++) {
                comparators[i] = ((Number) orderBy.get(fields[i])).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc();
            }
        }

        // As upstream, a key is looked up only when the keys before it tie.
        private Object key(Document document, int i) {
            Object[] values = keys.computeIfAbsent(document, d -> {
                Object[] fresh = new Object[fields.length];
                Arrays.fill(fresh, NOT_YET);
                return fresh;
            });
            if (values[i] == NOT_YET) values[i] = Utils.getSubdocumentValueCollectionAware(document, fields[i]);
            return values[i];
        }

        @Override
        public int compare(Document a, Document b) {
            for (int i = 0; i < fields.length; i++) {
                int c = comparators[i].compare(key(a, i), key(b, i));
                if (c != 0) return c;
            }
            return 0;
        }
    }
}
