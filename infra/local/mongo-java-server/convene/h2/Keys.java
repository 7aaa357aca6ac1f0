package convene.h2;

import java.nio.ByteBuffer;

import org.h2.mvstore.WriteBuffer;

import de.bwaldvogel.mongo.bson.ObjectId;

/** The key values H2 can store and order without Java serialisation: strings and ObjectIds. */
final class Keys {
    static final byte STRING = 0;
    static final byte OBJECT_ID = 1;
    private static final int OBJECT_ID_BYTES = 12;

    private Keys() {
    }

    static boolean isPlain(Object value) {
        return value instanceof String || value instanceof ObjectId;
    }

    /** Strings before ObjectIds; strings by their UTF-16 order, ObjectIds by their bytes (as ObjectId does). */
    static int compare(Object a, Object b) {
        boolean sa = a instanceof String;
        boolean sb = b instanceof String;
        if (sa != sb) return sa ? -1 : 1;
        return sa ? ((String) a).compareTo((String) b) : ((ObjectId) a).compareTo((ObjectId) b);
    }

    static int memory(Object value) {
        return value instanceof String ? 40 + 2 * ((String) value).length() : 40;
    }

    static void write(WriteBuffer buff, Object value) {
        if (value instanceof String) {
            String s = (String) value;
            buff.put(STRING).putVarInt(s.length()).putStringData(s, s.length());
        } else {
            buff.put(OBJECT_ID).put(((ObjectId) value).toByteArray());
        }
    }

    static Object read(ByteBuffer buff, byte tag) {
        return tag == STRING ? org.h2.mvstore.DataUtils.readString(buff) : readObjectId(buff);
    }

    /** An ObjectId as its twelve bytes, without a tag. */
    static ObjectId readObjectId(ByteBuffer buff) {
        byte[] data = new byte[OBJECT_ID_BYTES];
        buff.get(data);
        return new ObjectId(data);
    }
}
