// mongo-java-server's H2 backend exactly as upstream ships it, for the stand-in test: it writes a file in
// upstream's layout, which the local stack's launcher must keep reading as such.
// Usage (Java's single-file launch): java -cp '<libs>/*' UpstreamH2Server.java <host> <port> <h2-file>
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

public final class UpstreamH2Server {
    public static void main(String[] args) {
        H2Backend backend = new H2Backend(args[2]);
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind(args[0], Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("upstream mongo-java-server ready");
        System.out.flush();
    }
}
