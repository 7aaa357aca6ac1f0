// The local stack's MongoDB stand-in: mongo-java-server with its H2 (MVStore) backend, persisting to one file.
// Usage: java -cp '<libs>/*:<classes>' ConveneMongoServer <host> <port> <h2-file>
// Prints READY_LINE once it listens; stops cleanly (committing the store) on SIGTERM.
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

import convene.h2.ConveneH2Backend;

public final class ConveneMongoServer {
    static final String READY_LINE = "convene mongo-java-server ready";

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ConveneMongoServer <host> <port> <h2-file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String file = args[2];

        ConveneH2Backend backend = ConveneH2Backend.open(file);
        // Drivers and mongoose pick features from the wire version; 5.0 is what the services are written for.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("convene mongo-java-server stopping");
            server.shutdownNow(); // closes the backend, which commits and closes the H2 file
        }));
        System.out.println(READY_LINE + " on " + host + ":" + port + " (H2 file " + file + ", layout: "
            + (backend.conveneLayout() ? "Convene's" : "upstream's") + ")");
        System.out.flush();
    }
}
