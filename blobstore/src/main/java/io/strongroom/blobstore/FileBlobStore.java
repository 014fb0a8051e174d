package io.strongroom.blobstore;

import io.strongroom.core.StripedRandom;
import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.BlobWriterState;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link BlobStore} on the local file system. Committed blobs live at
 * {@code <root>/blobs/<id[0..2]>/<id[2..4]>/<id>} (two fan-out levels keep directories small);
 * writes in progress live in {@code <root>/tmp/} under random names and are renamed into place
 * atomically on commit, so a reader never sees a partial blob. Ids are 128 random bits from
 * {@link SecureRandom} as 32 lowercase hex characters, and every id a caller passes in is checked
 * against exactly that form before it is used in a path.
 *
 * <p>Directories are created 0700 and files 0600 where the file system is POSIX. Thread-safe; each
 * {@link BlobWriter} is meant for one thread at a time.
 */
public final class FileBlobStore implements BlobStore {

    /** Write buffer size: large enough that multi-GiB streams cost few system calls. */
    static final int BUFFER_SIZE = 256 * 1024;
    /** The buffer a blob starts with: one small object's ciphertext. */
    static final int SMALL_BUFFER_SIZE = 8 * 1024;
    /** How much a blob writes between early flushes (see FileBlobWriter#startEarlyFlush). */
    static final long EARLY_FLUSH_BYTES = 32L << 20;

    private static final Logger LOG = Logger.getLogger(FileBlobStore.class.getName());
    private static final int ID_LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private final Path blobs;
    private final Path tmp;
    private final boolean posix;
    private final SecureRandom random = new StripedRandom();
    /** Fan-out directories known to exist: a commit need not try mkdir (and fail) each time. */
    private final Set<Path> shards = ConcurrentHashMap.newKeySet();

    /** Opens (creating it if missing) the store rooted at {@code root}. */
    public FileBlobStore(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path absoluteRoot = root.toAbsolutePath();
        createDirectories(absoluteRoot);
        this.blobs = absoluteRoot.resolve("blobs");
        this.tmp = absoluteRoot.resolve("tmp");
        createDirectory(blobs);
        createDirectory(tmp);
    }

    /** True when {@code blobId} is exactly 32 lowercase hex characters, the only form this store makes. */
    public static boolean isValidBlobId(String blobId) {
        if (blobId == null || blobId.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = blobId.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public BlobWriter create() throws IOException {
        while (true) {
            Path temp = tmp.resolve(newId() + ".tmp");
            try {
                FileChannel channel = posix
                        ? FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                                PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
                        : FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new FileBlobWriter(temp, channel);
            } catch (FileAlreadyExistsException collision) {
                // 128 random bits make this practically impossible; draw another name anyway.
            }
        }
    }

    @Override
    public SeekableByteChannel open(String blobId) throws IOException {
        return FileChannel.open(pathOf(blobId), StandardOpenOption.READ);
    }

    @Override
    public void delete(String blobId) throws IOException {
        Files.deleteIfExists(pathOf(blobId));
    }

    /**
     * Reports only files whose names are valid ids and that sit in the fan-out directories their
     * ids name, so everything reported can be opened and deleted; anything else is left alone.
     */
    @Override
    public void forEachBlob(Consumer<String> consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        try (DirectoryStream<Path> level1 = Files.newDirectoryStream(blobs)) {
            for (Path first : level1) {
                String firstName = first.getFileName().toString();
                if (!isFanOutName(firstName) || !Files.isDirectory(first, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> level2 = Files.newDirectoryStream(first)) {
                    for (Path second : level2) {
                        String secondName = second.getFileName().toString();
                        if (!isFanOutName(secondName) || !Files.isDirectory(second, LinkOption.NOFOLLOW_LINKS)) {
                            continue;
                        }
                        try (DirectoryStream<Path> files = Files.newDirectoryStream(second)) {
                            for (Path file : files) {
                                String id = file.getFileName().toString();
                                if (isValidBlobId(id)
                                        && id.startsWith(firstName + secondName)
                                        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                                    consumer.accept(id);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Deletes everything under {@code tmp/}. Call it at start-up, before any writer of this run
     * exists, or it will delete that writer's file. Returns how many entries of {@code tmp/} went.
     */
    @Override
    public int collectAbandonedWrites() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                deleteRecursively(entry);
                removed++;
            }
        }
        return removed;
    }

    private Path pathOf(String blobId) {
        Objects.requireNonNull(blobId, "blobId");
        if (!isValidBlobId(blobId)) {
            throw new IllegalArgumentException("not a blob id: must be 32 lowercase hex characters");
        }
        return blobs.resolve(blobId.substring(0, 2)).resolve(blobId.substring(2, 4)).resolve(blobId);
    }

    private String newId() {
        byte[] bytes = new byte[ID_LENGTH / 2];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    private static boolean isFanOutName(String name) {
        return name.length() == 2 && isHex(name.charAt(0)) && isHex(name.charAt(1));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Makes a fan-out directory and its parent durable, once per directory and run. */
    private void createShard(Path shard) throws IOException {
        Path first = shard.getParent();
        if (createDirectory(first)) {
            syncDirectory(blobs);
        }
        if (createDirectory(shard)) {
            syncDirectory(first);
        }
        shards.add(shard);
    }

    private void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        createDirectory(directory);
    }

    /**
     * Creates {@code directory} owner-only unless it exists; returns whether this call created it.
     * A directory another thread creates at the same moment counts as existing.
     */
    private boolean createDirectory(Path directory) throws IOException {
        try {
            if (posix) {
                Files.createDirectory(directory, directoryAttribute());
                // The mode given to mkdir is masked by the umask; set it exactly.
                Files.setPosixFilePermissions(directory, DIRECTORY_PERMISSIONS);
            } else {
                Files.createDirectory(directory);
            }
            return true;
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isDirectory(directory)) {
                throw exists;
            }
            return false;
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> directoryAttribute() {
        return PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS);
    }

    /**
     * Makes the entries of {@code directory} durable, so a rename or mkdir survives a crash. Some
     * platforms cannot open or sync a directory; there the file system's own ordering is all we get.
     */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            LOG.log(Level.FINE, "could not sync directory " + directory, unsupported);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        // walkFileTree does not follow symbolic links: a link is deleted, not what it points to.
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Writes to a temporary file and renames it into place on commit. */
    private final class FileBlobWriter implements BlobWriter {
        private final Path temp;
        private final FileChannel channel;
        private final BufferedChannelOutputStream output;
        private volatile BlobWriterState state = BlobWriterState.OPEN;
        /** Bytes handed to the file since the last early flush began; touched by the writing thread only. */
        private long unflushed;
        /** The early flush running now, if any. */
        private Thread flushing;
        private volatile IOException flushFailure;

        FileBlobWriter(Path temp, FileChannel channel) {
            this.temp = temp;
            this.channel = channel;
            this.output = new BufferedChannelOutputStream();
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public synchronized String commit() throws IOException {
            state.requireCommittable();
            try {
                output.drain();
                channel.force(true);
                channel.close();
                IOException earlier = flushFailure;
                if (earlier != null) {
                    throw new IOException("an early flush of the blob failed", earlier);
                }
                String id;
                Path target;
                do {
                    id = newId();
                    target = pathOf(id);
                    // java.io.File answers with a boolean; Files.exists throws inside for every absent file
                } while (target.toFile().exists()); // never replace a blob
                Path shard = target.getParent();
                if (!shards.contains(shard)) {
                    createShard(shard);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException removedMeanwhile) {
                    shards.remove(shard);
                    createShard(shard);
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                state = BlobWriterState.COMMITTED;
                syncDirectory(target.getParent());
                return id;
            } catch (IOException | RuntimeException | Error failure) {
                if (state == BlobWriterState.OPEN) {
                    discard();
                }
                throw failure;
            }
        }

        @Override
        public synchronized void close() {
            if (state == BlobWriterState.OPEN) {
                discard();
            }
        }

        private void discard() {
            state = BlobWriterState.CLOSED;
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to save; the file is deleted next.
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException failure) {
                // collectAbandonedWrites removes it at the next start.
                LOG.log(Level.WARNING, "could not delete temporary blob " + temp, failure);
            }
        }

        /**
         * Has the kernel start writing what this blob holds so far while more arrives. Left alone, a large
         * blob stays in the page cache until the commit's sync, which then writes all of it while the
         * client waits: the body's reading, hashing and encryption, then the disk, one after the other.
         * One flush at a time, on its own thread; the commit's sync still covers every byte.
         */
        private void startEarlyFlush() {
            if (flushing != null && flushing.isAlive()) {
                return;
            }
            unflushed = 0;
            flushing = Thread.ofPlatform().name("blob-early-flush").daemon(true).start(() -> {
                try {
                    channel.force(false);
                } catch (ClosedChannelException finished) {
                    // committed or discarded meanwhile: the commit synced, or nothing is kept
                } catch (IOException e) {
                    flushFailure = e;
                }
            });
        }

        /**
         * Buffers writes into {@value #BUFFER_SIZE}-byte chunks. Closing it flushes but does not end the
         * blob; {@link #commit} still works, so it may sit in a try-with-resources block. The buffer starts
         * at {@value #SMALL_BUFFER_SIZE} bytes and grows once a blob outgrows it, so the many small blobs
         * do not each allocate and zero the large one.
         */
        private final class BufferedChannelOutputStream extends OutputStream {
            private ByteBuffer buffer = ByteBuffer.allocate(SMALL_BUFFER_SIZE);
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                state.requireWritable(closed);
                if (!buffer.hasRemaining()) {
                    writeBuffer();
                }
                buffer.put((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                state.requireWritable(closed);
                if (length >= BUFFER_SIZE) {
                    // Large writes skip the copy; chunks stay bounded so the JDK's temporary
                    // direct buffers do too.
                    writeBuffer();
                    while (length > 0) {
                        int chunk = Math.min(length, BUFFER_SIZE);
                        writeFully(ByteBuffer.wrap(bytes, offset, chunk));
                        offset += chunk;
                        length -= chunk;
                    }
                    return;
                }
                while (length > 0) {
                    if (!buffer.hasRemaining()) {
                        writeBuffer();
                    }
                    int chunk = Math.min(length, buffer.remaining());
                    buffer.put(bytes, offset, chunk);
                    offset += chunk;
                    length -= chunk;
                }
            }

            /** Hands buffered bytes to the file; a no-op once the blob is committed or discarded. */
            @Override
            public void flush() throws IOException {
                if (!closed && state == BlobWriterState.OPEN) {
                    writeBuffer();
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed && state == BlobWriterState.OPEN) {
                    writeBuffer();
                }
                closed = true;
            }

            void drain() throws IOException {
                writeBuffer();
            }

            private void writeBuffer() throws IOException {
                boolean outgrown = !buffer.hasRemaining() && buffer.capacity() < BUFFER_SIZE;
                buffer.flip();
                writeFully(buffer);
                buffer.clear();
                if (outgrown) {
                    buffer = ByteBuffer.allocate(BUFFER_SIZE);
                }
            }

            private void writeFully(ByteBuffer source) throws IOException {
                while (source.hasRemaining()) {
                    unflushed += channel.write(source);
                }
                if (unflushed >= EARLY_FLUSH_BYTES) {
                    startEarlyFlush();
                }
            }
        }
    }
}
