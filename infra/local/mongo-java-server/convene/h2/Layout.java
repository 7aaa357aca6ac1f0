package convene.h2;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which layout an H2 file's collections and indexes are in: Convene's (keys and documents stored by the types
 * in this package) for a file this launcher created, upstream's for a file upstream's backend wrote. The two
 * differ in order and format, so a file keeps the one it was created with; it is decided once, when the file
 * is opened.
 */
public final class Layout {
    // A map name no database's maps can have (MongoDB database names hold no space), so dropping a database
    // never drops the mark.
    private static final String MAP = "convene layout";
    private static final String KEY = "layout";
    private static final String CONVENE = "convene-1";
    private static final Map<MVStore, Boolean> DECIDED = Collections.synchronizedMap(new WeakHashMap<>());

    private Layout() {
    }

    /** Marks a new file as Convene's, and records for this store whether its file is. */
    public static boolean decide(MVStore store) {
        boolean convene;
        if (store.getMapNames().isEmpty()) {
            store.<String, String>openMap(MAP).put(KEY, CONVENE);
            convene = true;
        } else if (store.hasMap(MAP)) {
            MVMap<String, String> layout = store.openMap(MAP);
            String marked = layout.get(KEY);
            if (!CONVENE.equals(marked)) throw new IllegalStateException("this H2 file is in layout " + marked + ", which this launcher does not know");
            convene = true;
        } else {
            convene = false; // written by upstream's backend: left unmarked and in upstream's layout
        }
        DECIDED.put(store, convene);
        return convene;
    }

    /** What {@link #decide} found for this store. */
    public static boolean isConvene(MVStore store) {
        Boolean convene = DECIDED.get(store);
        if (convene == null) throw new IllegalStateException("the layout of this store was not decided when it was opened");
        return convene;
    }
}
