package convene.h2;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.BsonConstants;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of a collection's documents: stored as BSON (mongo-java-server's own encoder and decoder, the
 * ones its wire protocol uses) rather than by Java serialisation, which wrote every document's class
 * descriptions again and was most of the work of writing a page. A document BSON would not give back as it is
 * (a field name with a NUL, a time finer than a millisecond, more than BSON's 16 MB) is stored as before.
 */
public final class DocumentType extends BasicDataType<Document> {
    public static final DocumentType INSTANCE = new DocumentType();

    private static final byte BSON = 0;
    private static final byte GENERIC = 1;

    private final ObjectDataType generic = new ObjectDataType();
    // What H2 does for serialised objects too: the memory of a document is taken as the average size written.
    private volatile int averageSize = 256;

    private DocumentType() {
    }

    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : generic.compare(a, b);
    }

    @Override
    public int getMemory(Document document) {
        return 2 * averageSize;
    }

    /** Whether BSON gives this value back exactly: no NUL in a field name, no time finer than BSON's milliseconds. */
    private static boolean bsonExact(Object value) {
        if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (String.valueOf(entry.getKey()).indexOf('\0') >= 0 || !bsonExact(entry.getValue())) return false;
            }
            return true;
        }
        if (value instanceof Collection) {
            for (Object item : (Collection<?>) value) {
                if (!bsonExact(item)) return false;
            }
            return true;
        }
        return !(value instanceof Instant) || ((Instant) value).getNano() % 1_000_000 == 0;
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        boolean exact = bsonExact(document);
        if (exact) {
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (RuntimeException notBson) {
                exact = false;
            }
        }
        if (!exact || bson.readableBytes() > BsonConstants.MAX_BSON_OBJECT_SIZE) {
            buff.put(GENERIC);
            generic.write(buff, document);
            return;
        }
        int size = bson.readableBytes();
        averageSize = (averageSize * 15 + size) / 16;
        buff.put(BSON).putVarInt(size).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
    }

    @Override
    public Document read(ByteBuffer buff) {
        if (buff.get() == GENERIC) return (Document) generic.read(buff);
        int size = DataUtils.readVarInt(buff);
        byte[] bytes = new byte[size];
        buff.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
