package convene.h2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of mongo-java-server's unique indexes (the _id index of every collection), for keys made of
 * strings. Upstream opens index maps with H2's generic ObjectDataType; mongo-java-server's KeyValue is not
 * Comparable, so H2 orders two keys by Java-serialising both and comparing the bytes, on every step of every
 * lookup, insert and delete (about a third of the stand-in's CPU in the ingest benchmark, docs/performance.md).
 *
 * Keys whose values are all strings are ordered by those strings and stored as them; any other key keeps
 * H2's generic order and format, and sorts after every all-string key, so the order stays total.
 */
public final class StringIndexKeys extends BasicDataType<KeyValue> {
    public static final StringIndexKeys INSTANCE = new StringIndexKeys();

    private static final byte STRINGS = 0;
    private static final byte GENERIC = 1;
    private static final String LAYOUT_MAP = "convene.layout";
    private static final String LAYOUT_KEY = "indexKeys";
    private static final String LAYOUT = "strings-v1";

    private final ObjectDataType generic = new ObjectDataType();

    private StringIndexKeys() {
    }

    /**
     * Whether the index maps of this store use this type: yes for a new store (marked so), and for one marked
     * before; no for a store written with upstream's layout, whose index maps keep upstream's order and format.
     */
    public static boolean usedBy(MVStore store) {
        boolean fresh = store.getMapNames().isEmpty();
        MVMap<String, String> layout = store.openMap(LAYOUT_MAP);
        if (fresh) layout.put(LAYOUT_KEY, LAYOUT);
        return LAYOUT.equals(layout.get(LAYOUT_KEY));
    }

    private static boolean allStrings(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String)) return false;
        }
        return true;
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) return 0;
        boolean sa = allStrings(a);
        boolean sb = allStrings(b);
        if (sa != sb) return sa ? -1 : 1;
        if (!sa) return generic.compare(a, b);
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = ((String) a.get(i)).compareTo((String) b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        if (!allStrings(key)) return generic.getMemory(key);
        int memory = 48;
        for (Object value : key) memory += 40 + 2 * ((String) value).length();
        return memory;
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        if (!allStrings(key)) {
            buff.put(GENERIC);
            generic.write(buff, key);
            return;
        }
        buff.put(STRINGS).putVarInt(key.size());
        for (Object value : key) {
            String s = (String) value;
            buff.putVarInt(s.length()).putStringData(s, s.length());
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        if (buff.get() == GENERIC) return (KeyValue) generic.read(buff);
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) values.add(DataUtils.readString(buff));
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
