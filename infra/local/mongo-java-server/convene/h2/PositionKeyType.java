package convene.h2;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The key type of a collection's documents (their _id, or a UUID where a collection has none). H2's generic type
 * orders these well (ObjectId is Comparable) but writes an ObjectId by Java serialisation; here it is written
 * as its twelve bytes. The order is H2's generic order, unchanged.
 */
public final class PositionKeyType extends BasicDataType<Object> {
    public static final PositionKeyType INSTANCE = new PositionKeyType();

    private static final byte GENERIC = 0;
    private static final byte OBJECT_ID = 1;

    private final ObjectDataType generic = new ObjectDataType();

    private PositionKeyType() {
    }

    @Override
    public int compare(Object a, Object b) {
        return generic.compare(a, b);
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof ObjectId ? 40 : generic.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buff, Object key) {
        if (key instanceof ObjectId) {
            buff.put(OBJECT_ID).put(((ObjectId) key).toByteArray());
        } else {
            buff.put(GENERIC);
            generic.write(buff, key);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        return buff.get() == GENERIC ? generic.read(buff) : Keys.readObjectId(buff);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
