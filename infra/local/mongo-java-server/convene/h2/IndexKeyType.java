package convene.h2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of mongo-java-server's unique indexes (every collection's _id index above all). Upstream opens
 * index maps with H2's generic type; mongo-java-server's KeyValue is not Comparable, so H2 orders two keys by
 * Java-serialising both and comparing the bytes, at every step of every lookup, insert and delete.
 *
 * Keys whose values are all strings or ObjectIds are ordered by those values and stored as them; any other key
 * keeps H2's generic order and format and sorts after them all, so the order stays total.
 */
public final class IndexKeyType extends BasicDataType<KeyValue> {
    public static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final byte PLAIN = 0;
    private static final byte GENERIC = 1;

    private final ObjectDataType generic = new ObjectDataType();

    private IndexKeyType() {
    }

    private static boolean plain(KeyValue key) {
        for (Object value : key) {
            if (!Keys.isPlain(value)) return false;
        }
        return true;
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) return 0;
        boolean pa = plain(a);
        boolean pb = plain(b);
        if (pa != pb) return pa ? -1 : 1;
        if (!pa) return generic.compare(a, b);
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = Keys.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        if (!plain(key)) return generic.getMemory(key);
        int memory = 48;
        for (Object value : key) memory += Keys.memory(value);
        return memory;
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        if (!plain(key)) {
            buff.put(GENERIC);
            generic.write(buff, key);
            return;
        }
        buff.put(PLAIN).putVarInt(key.size());
        for (Object value : key) Keys.write(buff, value);
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        if (buff.get() == GENERIC) return (KeyValue) generic.read(buff);
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) values.add(Keys.read(buff, buff.get()));
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
