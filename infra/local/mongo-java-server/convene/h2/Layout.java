package convene.h2;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which layout an H2 file's collections and indexes are in: Convene's (keys and documents stored by the types
 * in this package) for a file this launcher created, upstream's for a file upstream's backend wrote. The two
 * differ in order and format, so a file keeps the one it was created with.
 */
public final class Layout {
    private static final String MAP = "convene.layout";
    private static final String KEY = "layout";
    private static final String CONVENE = "convene-1";

    private Layout() {
    }

    /** Marks a new file as Convene's; says whether this file is. */
    public static boolean isConvene(MVStore store) {
        boolean fresh = store.getMapNames().isEmpty();
        MVMap<String, String> layout = store.openMap(MAP);
        if (fresh) layout.put(KEY, CONVENE);
        String marked = layout.get(KEY);
        if (marked != null && !CONVENE.equals(marked)) {
            throw new IllegalStateException("this H2 file is in layout " + marked + ", which this launcher does not know");
        }
        return marked != null;
    }
}
