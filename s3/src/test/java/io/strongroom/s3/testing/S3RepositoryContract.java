package io.strongroom.s3.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.s3.Bucket;
import io.strongroom.s3.Bucket.Versioning;
import io.strongroom.s3.ObjectChecksum;
import io.strongroom.s3.ObjectEncryption;
import io.strongroom.s3.ObjectEncryption.Mode;
import io.strongroom.s3.ObjectLock;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.S3Repository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link S3Repository} must show: each rule of the interface's javadoc, and what
 * the stores agree on where it leaves room (a version names an existing bucket; a bucket that holds
 * versions or delete markers cannot be deleted; a version-id marker that no longer exists lists every
 * remaining version of its key; instants are kept to the millisecond; null arguments are refused).
 * An implementation's test extends this class and opens an empty store in {@link #openEmpty()}.
 *
 * <p>{@link ObjectEncryption} holds byte arrays, which records compare by reference, so versions are
 * compared through {@link #view(ObjectVersion)}.
 */
public abstract class S3RepositoryContract {
    protected static final String ACCOUNT = "111122223333";
    protected static final String OTHER_ACCOUNT = "444455556666";
    protected static final String REGION = "us-east-1";
    protected static final String OTHER_REGION = "eu-west-1";
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");
    protected static final String BUCKET = "photos";
    protected static final String OTHER_BUCKET = "videos";
    protected static final String KMS_KEY_ARN =
            "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-0000-4000-8000-00000000000a";

    /**
     * Keys in the order S3 lists them, by UTF-8 bytes. Java's {@code compareTo} puts the last three
     * differently ({@code U+1F600} and {@code U+10FFFF} are surrogate pairs, below {@code U+E000}).
     */
    protected static final List<String> KEYS_IN_UTF8_ORDER = List.of("A", "a", "a b", "a-", "a/b", "a0", "aa", "z",
            "é", "\uD7FF", "\uE000", "\uFFFD", "\uD83D\uDE00", "\uDBFF\uDFFF");

    private static final HexFormat HEX = HexFormat.of();

    /** The store under test and the transactor its calls join. */
    public record Stores(S3Repository objects, Transactor transactor) {
    }

    protected Stores stores;
    protected S3Repository repository;

    /** Opens the store on an empty database. */
    protected abstract Stores openEmpty() throws Exception;

    /** Releases what {@link #openEmpty()} opened. */
    protected void close() throws Exception {
    }

    @BeforeEach
    public void openStores() throws Exception {
        stores = openEmpty();
        repository = stores.objects();
    }

    @AfterEach
    public void closeStores() throws Exception {
        close();
    }

    // ---- configuration documents

    @Test
    public void configurationDocumentsAreKeptByScopeAndKindAndGoWithTheirBucket() {
        repository.insertBucket(bucket(BUCKET));
        String bucketScope = S3Repository.bucketScope(BUCKET);
        String accountScope = S3Repository.accountScope(ACCOUNT);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}\n\u00e9";
        repository.putConfig(bucketScope, "policy", policy);
        repository.putConfig(bucketScope, "tagging", "a=b");
        repository.putConfig(accountScope, "public-access-block", "true,true,true,true");

        assertThat(repository.config(bucketScope, "policy")).contains(policy);
        assertThat(repository.config(bucketScope, "Policy")).isEmpty();
        assertThat(repository.configs(bucketScope, java.util.Set.of("policy", "tagging", "public-access-block", "Policy")))
                .isEqualTo(java.util.Map.of("policy", policy, "tagging", "a=b"));
        assertThat(repository.configs(accountScope, java.util.Set.of("policy"))).isEmpty();
        repository.putConfig(bucketScope, "tagging", "c=d");
        assertThat(repository.config(bucketScope, "tagging")).contains("c=d");
        assertThat(repository.deleteConfig(bucketScope, "tagging")).isTrue();
        assertThat(repository.deleteConfig(bucketScope, "tagging")).isFalse();
        assertThat(repository.config(bucketScope, "tagging")).isEmpty();

        assertThat(repository.configScopes("policy")).containsExactly(bucketScope);
        assertThat(repository.configScopes("public-access-block")).containsExactly(accountScope);
        assertThat(repository.configScopes("lifecycle")).isEmpty();

        assertThat(repository.deleteBucket(BUCKET)).isTrue();
        assertThat(repository.config(bucketScope, "policy")).isEmpty();
        assertThat(repository.configScopes("policy")).isEmpty();
        assertThat(repository.config(accountScope, "public-access-block")).contains("true,true,true,true");
    }

    // ---- buckets

    @Test
    public void bucketsRoundTripInEveryVersioningState() {
        int i = 0;
        for (Versioning versioning : Versioning.values()) {
            for (boolean objectLock : new boolean[] {false, true}) {
                Bucket bucket = new Bucket("bucket-" + i++, ACCOUNT, OTHER_REGION, T0, versioning, objectLock);
                repository.insertBucket(bucket);
                assertThat(repository.findBucket(bucket.name())).contains(bucket);
            }
        }
        assertThat(repository.findBucket("bucket-" + i)).isEmpty();
    }

    @Test
    public void aBucketsCreationIsKeptToTheMillisecond() {
        repository.insertBucket(new Bucket(BUCKET, ACCOUNT, REGION, T0.plusNanos(654_321), Versioning.ENABLED, false));
        assertThat(repository.findBucket(BUCKET).orElseThrow().created()).isEqualTo(T0);
    }

    @Test
    public void bucketNamesCompareExactly() {
        repository.insertBucket(bucket(BUCKET));
        assertThat(repository.findBucket(BUCKET.toUpperCase())).isEmpty();
        assertThat(repository.findBucket(BUCKET + " ")).isEmpty();
        assertThat(repository.findBucket("photo")).isEmpty();
        assertThat(repository.updateBucket(bucket(BUCKET.toUpperCase()).withVersioning(Versioning.ENABLED))).isFalse();
        assertThat(repository.deleteBucket(BUCKET.toUpperCase())).isFalse();
        assertThat(repository.findBucket(BUCKET)).contains(bucket(BUCKET));
    }

    @Test
    public void aTakenBucketNameThrowsInAnyAccountAndChangesNothing() {
        Bucket original = bucket(BUCKET);
        repository.insertBucket(original);

        assertThatThrownBy(() -> repository.insertBucket(new Bucket(BUCKET, OTHER_ACCOUNT, OTHER_REGION,
                T0.plusSeconds(1), Versioning.ENABLED, true))).isInstanceOf(DuplicateEntityException.class);
        assertThatThrownBy(() -> repository.insertBucket(bucket(BUCKET).withVersioning(Versioning.ENABLED)))
                .isInstanceOf(DuplicateEntityException.class);

        assertThat(repository.findBucket(BUCKET)).contains(original);
        assertThat(repository.listBuckets(OTHER_ACCOUNT, Optional.empty(), 10)).isEmpty();
        assertThat(repository.listBuckets(ACCOUNT, Optional.empty(), 10)).containsExactly(original);
    }

    @Test
    public void updateBucketReplacesEverythingButNameOwnerAndCreation() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));

        Bucket changed = new Bucket(BUCKET, OTHER_ACCOUNT, OTHER_REGION, T0.plus(Duration.ofDays(1)),
                Versioning.ENABLED, true);
        assertThat(repository.updateBucket(changed)).isTrue();
        assertThat(repository.findBucket(BUCKET))
                .contains(new Bucket(BUCKET, ACCOUNT, OTHER_REGION, T0, Versioning.ENABLED, true));

        assertThat(repository.updateBucket(repository.findBucket(BUCKET).orElseThrow()
                .withVersioning(Versioning.SUSPENDED))).isTrue();
        assertThat(repository.findBucket(BUCKET).orElseThrow().versioning()).isEqualTo(Versioning.SUSPENDED);
        // the other bucket is untouched, and the owner still lists it
        assertThat(repository.findBucket(OTHER_BUCKET)).contains(bucket(OTHER_BUCKET));
        assertThat(repository.listBuckets(ACCOUNT, Optional.empty(), 10)).extracting(Bucket::name)
                .containsExactly(BUCKET, OTHER_BUCKET);
    }

    @Test
    public void updatingAMissingBucketReturnsFalseAndCreatesNothing() {
        assertThat(repository.updateBucket(bucket(BUCKET))).isFalse();
        assertThat(repository.findBucket(BUCKET)).isEmpty();
        assertThat(repository.listBuckets(ACCOUNT, Optional.empty(), 10)).isEmpty();
    }

    @Test
    public void aDeletedBucketsNameCanBeTakenAgainByAnyAccount() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));

        assertThat(repository.deleteBucket(BUCKET)).isTrue();
        assertThat(repository.deleteBucket(BUCKET)).isFalse();
        assertThat(repository.findBucket(BUCKET)).isEmpty();
        assertThat(repository.findBucket(OTHER_BUCKET)).isPresent();

        Bucket reborn = new Bucket(BUCKET, OTHER_ACCOUNT, OTHER_REGION, T0.plusSeconds(5), Versioning.UNVERSIONED,
                false);
        repository.insertBucket(reborn);
        assertThat(repository.findBucket(BUCKET)).contains(reborn);
        assertThat(repository.listBuckets(ACCOUNT, Optional.empty(), 10)).extracting(Bucket::name)
                .containsExactly(OTHER_BUCKET);
    }

    @Test
    public void aBucketThatHoldsVersionsOrDeleteMarkersCannotBeDeleted() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        repository.putVersion(marker(BUCKET, "m", "v2"));

        assertThatThrownBy(() -> repository.deleteBucket(BUCKET)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BUCKET);
        assertThat(repository.findBucket(BUCKET)).isPresent();
        assertThat(repository.findVersion(BUCKET, "k", "v1")).isPresent();

        repository.deleteVersion(BUCKET, "k", "v1");
        assertThatThrownBy(() -> repository.deleteBucket(BUCKET)).isInstanceOf(IllegalStateException.class);
        assertThat(repository.latestVersion(BUCKET, "m")).map(ObjectVersion::deleteMarker).contains(true);

        repository.deleteVersion(BUCKET, "m", "v2");
        assertThat(repository.deleteBucket(BUCKET)).isTrue();
        assertThat(repository.findBucket(BUCKET)).isEmpty();
    }

    @Test
    public void anAccountsBucketsAreListedByNameAfterTheMarker() {
        for (String name : List.of("b", "a-bucket", "c", "a")) {
            repository.insertBucket(bucket(name));
        }
        repository.insertBucket(new Bucket("ab", OTHER_ACCOUNT, REGION, T0, Versioning.UNVERSIONED, false));

        assertThat(names(repository.listBuckets(ACCOUNT, Optional.empty(), 10))).containsExactly("a", "a-bucket", "b",
                "c");
        assertThat(names(repository.listBuckets(ACCOUNT, Optional.empty(), 2))).containsExactly("a", "a-bucket");
        assertThat(names(repository.listBuckets(ACCOUNT, Optional.of("a-bucket"), 2))).containsExactly("b", "c");
        // the marker need not exist; "a-bucket" sorts before "aa" ('-' is below 'a')
        assertThat(names(repository.listBuckets(ACCOUNT, Optional.of("aa"), 10))).containsExactly("b", "c");
        assertThat(names(repository.listBuckets(ACCOUNT, Optional.of("c"), 10))).isEmpty();
        assertThat(names(repository.listBuckets(ACCOUNT, Optional.of(""), 10))).containsExactly("a", "a-bucket", "b",
                "c");
        assertThat(names(repository.listBuckets(OTHER_ACCOUNT, Optional.empty(), 10))).containsExactly("ab");
        assertThat(repository.listBuckets("999999999999", Optional.empty(), 10)).isEmpty();
        assertThat(repository.listBuckets(ACCOUNT, Optional.empty(), 0)).isEmpty();
        assertThat(repository.listBuckets(ACCOUNT, Optional.empty(), -1)).isEmpty();
        assertThat(repository.listBuckets(ACCOUNT, Optional.empty(), 10).getFirst()).isEqualTo(bucket("a"));
    }

    @Test
    public void bucketHasVersionsCountsVersionsAndDeleteMarkersOfThatBucketOnly() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));
        assertThat(repository.bucketHasVersions(BUCKET)).isFalse();
        assertThat(repository.bucketHasVersions("missing")).isFalse();

        repository.putVersion(marker(BUCKET, "k", "m1"));
        assertThat(repository.bucketHasVersions(BUCKET)).isTrue();
        assertThat(repository.bucketHasVersions(OTHER_BUCKET)).isFalse();

        repository.putVersion(version(BUCKET, "k", "v1"));
        repository.deleteVersion(BUCKET, "k", "m1");
        assertThat(repository.bucketHasVersions(BUCKET)).isTrue();
        repository.deleteVersion(BUCKET, "k", "v1");
        assertThat(repository.bucketHasVersions(BUCKET)).isFalse();
    }

    // ---- versions: storage

    @Test
    public void versionsRoundTripWithEveryFieldAndEachEncryption() {
        repository.insertBucket(bucket(BUCKET));
        List<ObjectVersion> versions = List.of(
                fullVersion("kms", "v-kms", sseKms()),
                fullVersion("s3", "v-s3", sseS3()),
                fullVersion("c", "v-c", sseC()),
                version(BUCKET, "plain", ObjectVersion.NULL_VERSION),
                marker(BUCKET, "gone", "v-marker"));
        for (ObjectVersion version : versions) {
            assertThat(repository.putVersion(version)).isEmpty();
        }
        for (ObjectVersion version : versions) {
            assertThat(repository.findVersion(BUCKET, version.key(), version.versionId()))
                    .map(S3RepositoryContract::view).contains(view(version));
            assertThat(repository.latestVersion(BUCKET, version.key())).map(S3RepositoryContract::view)
                    .contains(view(version));
        }
        ObjectEncryption sseC = repository.findVersion(BUCKET, "c", "v-c").orElseThrow().encryption();
        assertThat(sseC.wrappedDataKey()).isEmpty();
        assertThat(sseC.customerKeyHmac()).isEqualTo(allBytes());
    }

    @Test
    public void everyChecksumAlgorithmAndTypeRoundTrips() {
        repository.insertBucket(bucket(BUCKET));
        int i = 0;
        for (String algorithm : List.of("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256")) {
            for (String type : List.of("FULL_OBJECT", "COMPOSITE")) {
                ObjectVersion version = withChecksum(version(BUCKET, "k" + i++, "v"),
                        new ObjectChecksum(algorithm, "AAAA/+==" + algorithm, type));
                repository.putVersion(version);
                assertThat(repository.latestVersion(BUCKET, version.key())).map(S3RepositoryContract::view)
                        .contains(view(version));
            }
        }
    }

    @Test
    public void metadataHeadersAndTagsAreKeptByteForByte() {
        repository.insertBucket(bucket(BUCKET));
        Map<String, String> odd = new HashMap<>();
        odd.put("newline", "line one\nline two\r\nline three\r");
        odd.put("equals=key", "a=b=c");
        odd.put("comma,key", "x,y,,z,");
        odd.put("empty", "");
        odd.put("", "empty key");
        odd.put("emoji", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD");
        odd.put("unicode", "日本語 ünïcödé ✓ \uFFFD \uE000 \uDBFF\uDFFF");
        odd.put("quotes", "\"double\" 'single' `back`");
        odd.put("escapes", "\\n is not a newline, \\u0041 is not A, \\\\");
        odd.put("json", "{\"a\":[1,2],\"b\":null}");
        odd.put("controls", "\u0000\u0001\t\u001f\u007f");
        odd.put("spaces", "  leading and trailing  ");
        odd.put("long", "x".repeat(8_192));
        odd.put("length-looking", "3:abc5:");
        odd.put("3:abc", "7");
        for (int i = 0; i < 40; i++) {
            odd.put("many-" + i, String.valueOf(i));
        }
        ObjectVersion version = new ObjectVersion(BUCKET, "odd", "v1", false, T0, 1, "etag", odd, odd,
                Optional.empty(), odd, "STANDARD", sseS3(), "blob-odd");
        repository.putVersion(version);

        ObjectVersion stored = repository.findVersion(BUCKET, "odd", "v1").orElseThrow();
        assertThat(stored.headers()).isEqualTo(odd);
        assertThat(stored.userMetadata()).isEqualTo(odd);
        assertThat(stored.tags()).isEqualTo(odd);
        for (Map.Entry<String, String> entry : odd.entrySet()) {
            assertThat(stored.userMetadata().get(entry.getKey()).getBytes(StandardCharsets.UTF_8))
                    .as(entry.getKey()).isEqualTo(entry.getValue().getBytes(StandardCharsets.UTF_8));
        }

        // empty maps stay empty, and each map is kept apart from the others
        ObjectVersion separate = new ObjectVersion(BUCKET, "separate", "v1", false, T0, 1, "etag",
                Map.of("Content-Type", "text/plain"), Map.of(), Optional.empty(), Map.of("k", "v"), "STANDARD",
                sseS3(), "blob-separate");
        repository.putVersion(separate);
        ObjectVersion read = repository.latestVersion(BUCKET, "separate").orElseThrow();
        assertThat(read.headers()).isEqualTo(Map.of("Content-Type", "text/plain"));
        assertThat(read.userMetadata()).isEmpty();
        assertThat(read.tags()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    public void lastModifiedIsKeptToTheMillisecond() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion version = version(BUCKET, "k", "v1");
        repository.putVersion(new ObjectVersion(BUCKET, "k", "v1", false, T0.plusNanos(999_999), version.size(),
                version.etag(), version.headers(), version.userMetadata(), version.checksum(), version.tags(),
                version.storageClass(), version.encryption(), version.blobId()));
        assertThat(repository.findVersion(BUCKET, "k", "v1").orElseThrow().lastModified()).isEqualTo(T0);
    }

    @Test
    public void keysAndVersionIdsCompareExactly() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));
        repository.putVersion(version(BUCKET, "Key", "AbC"));

        assertThat(repository.findVersion(BUCKET, "Key", "AbC")).isPresent();
        assertThat(repository.findVersion(BUCKET, "Key", "abc")).isEmpty();
        assertThat(repository.findVersion(BUCKET, "key", "AbC")).isEmpty();
        assertThat(repository.findVersion(BUCKET, "Key ", "AbC")).isEmpty();
        assertThat(repository.findVersion(OTHER_BUCKET, "Key", "AbC")).isEmpty();
        assertThat(repository.latestVersion(BUCKET, "key")).isEmpty();
        assertThat(repository.latestVersion(BUCKET, "Ke")).isEmpty();
        assertThat(repository.latestVersion(OTHER_BUCKET, "Key")).isEmpty();
        // "é" composed and decomposed are different keys
        repository.putVersion(version(BUCKET, "\u00e9", "v"));
        assertThat(repository.latestVersion(BUCKET, "e\u0301")).isEmpty();
    }

    @Test
    public void aVersionNeedsAnExistingBucket() {
        assertThatThrownBy(() -> repository.putVersion(version(BUCKET, "k", "v1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(BUCKET);
        assertThat(repository.latestVersion(BUCKET, "k")).isEmpty();
        assertThat(repository.bucketHasVersions(BUCKET)).isFalse();
        assertThat(repository.blobReferenced(version(BUCKET, "k", "v1").blobId())).isFalse();

        // nor does a deleted bucket take new versions
        repository.insertBucket(bucket(BUCKET));
        repository.deleteBucket(BUCKET);
        assertThatThrownBy(() -> repository.putVersion(marker(BUCKET, "k", "v1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- versions: which is the latest

    @Test
    public void theVersionPutLastIsTheLatestWhateverItsId() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion z = version(BUCKET, "k", "zzz");
        ObjectVersion a = version(BUCKET, "k", "aaa");
        assertThat(repository.putVersion(z)).isEmpty();
        assertThat(repository.putVersion(a)).isEmpty();
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(a));

        ObjectVersion marker = marker(BUCKET, "k", "mmm");
        assertThat(repository.putVersion(marker)).isEmpty();
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(marker));
        assertThat(repository.findVersion(BUCKET, "k", "zzz")).map(S3RepositoryContract::view).contains(view(z));
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@mmm", "k@aaa", "k@zzz");
        assertThat(repository.latestVersion(BUCKET, "other")).isEmpty();
    }

    @Test
    public void theLatestIsPerKeyAndPerBucket() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));
        repository.putVersion(version(BUCKET, "a", "1"));
        repository.putVersion(version(BUCKET, "b", "2"));
        repository.putVersion(version(OTHER_BUCKET, "a", "3"));
        // the same version id in another key or bucket is another version
        repository.putVersion(version(OTHER_BUCKET, "b", "2"));

        assertThat(repository.latestVersion(BUCKET, "a")).map(ObjectVersion::versionId).contains("1");
        assertThat(repository.latestVersion(BUCKET, "b")).map(ObjectVersion::versionId).contains("2");
        assertThat(repository.latestVersion(OTHER_BUCKET, "a")).map(ObjectVersion::versionId).contains("3");
        assertThat(repository.findVersion(BUCKET, "b", "2")).isPresent();
        assertThat(repository.findVersion(OTHER_BUCKET, "b", "2")).isPresent();
    }

    @Test
    public void puttingTheNullVersionAgainReplacesItAndReturnsTheOldOne() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion first = withEtag(version(BUCKET, "k", ObjectVersion.NULL_VERSION), "1");
        ObjectVersion second = withEtag(version(BUCKET, "k", ObjectVersion.NULL_VERSION), "2").withTags(
                Map.of("t", "2"));

        assertThat(repository.putVersion(first)).isEmpty();
        assertThat(repository.putVersion(second)).map(S3RepositoryContract::view).contains(view(first));

        assertThat(repository.findVersion(BUCKET, "k", ObjectVersion.NULL_VERSION)).map(S3RepositoryContract::view)
                .contains(view(second));
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(second));
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@null");
        assertThat(repository.listLatest(BUCKET, "", "", 10)).extracting(ObjectVersion::etag).containsExactly("2");
    }

    @Test
    public void aReplacedNullVersionInTheMiddleOfTheHistoryBecomesTheLatest() {
        // a suspended bucket: the null version, then a versioned one, then the null version again
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion oldNull = withEtag(version(BUCKET, "k", ObjectVersion.NULL_VERSION), "old");
        ObjectVersion v2 = version(BUCKET, "k", "v2");
        ObjectVersion newNull = withEtag(version(BUCKET, "k", ObjectVersion.NULL_VERSION), "new");
        repository.putVersion(oldNull);
        repository.putVersion(v2);

        assertThat(repository.putVersion(newNull)).map(S3RepositoryContract::view).contains(view(oldNull));
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(newNull));
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@null", "k@v2");

        // and deleting it makes the versioned one the latest again
        assertThat(repository.deleteVersion(BUCKET, "k", ObjectVersion.NULL_VERSION)).isTrue();
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(v2));
    }

    @Test
    public void aNullDeleteMarkerAndANullVersionReplaceEachOther() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion marker = marker(BUCKET, "k", ObjectVersion.NULL_VERSION);
        ObjectVersion version = version(BUCKET, "k", ObjectVersion.NULL_VERSION);

        repository.putVersion(marker);
        assertThat(repository.putVersion(version)).map(S3RepositoryContract::view).contains(view(marker));
        assertThat(repository.latestVersion(BUCKET, "k")).map(ObjectVersion::deleteMarker).contains(false);
        assertThat(repository.putVersion(marker)).map(S3RepositoryContract::view).contains(view(version));
        assertThat(repository.latestVersion(BUCKET, "k")).map(ObjectVersion::deleteMarker).contains(true);
        assertThat(repository.listVersions(BUCKET, "", "", "", 10)).hasSize(1);
        assertThat(repository.blobReferenced(version.blobId())).isFalse();
    }

    @Test
    public void deletingTheLatestMakesTheNewestRemainingTheLatest() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion v1 = version(BUCKET, "k", "c");
        ObjectVersion v2 = version(BUCKET, "k", "a");
        ObjectVersion v3 = version(BUCKET, "k", "b");
        repository.putVersion(v1);
        repository.putVersion(v2);
        repository.putVersion(v3);

        assertThat(repository.deleteVersion(BUCKET, "k", "b")).isTrue();
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(v2));
        // deleting one that is not the latest leaves the latest
        assertThat(repository.deleteVersion(BUCKET, "k", "c")).isTrue();
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(v2));
        assertThat(repository.deleteVersion(BUCKET, "k", "a")).isTrue();
        assertThat(repository.latestVersion(BUCKET, "k")).isEmpty();
        assertThat(repository.findVersion(BUCKET, "k", "a")).isEmpty();
        assertThat(repository.listVersions(BUCKET, "", "", "", 10)).isEmpty();
        assertThat(repository.bucketHasVersions(BUCKET)).isFalse();
    }

    @Test
    public void deletingALatestDeleteMarkerBringsTheObjectBack() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion v1 = version(BUCKET, "k", "v1");
        repository.putVersion(v1);
        repository.putVersion(marker(BUCKET, "k", "m1"));
        assertThat(repository.listLatest(BUCKET, "", "", 10)).isEmpty();

        assertThat(repository.deleteVersion(BUCKET, "k", "m1")).isTrue();
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(v1));
        assertThat(repository.listLatest(BUCKET, "", "", 10)).extracting(S3RepositoryContract::view)
                .containsExactly(view(v1));
    }

    @Test
    public void aPutAfterADeleteIsTheLatestEvenOverAnOlderVersionPromoted() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        repository.putVersion(version(BUCKET, "k", "v2"));
        repository.deleteVersion(BUCKET, "k", "v2");
        repository.putVersion(version(BUCKET, "k", "v0"));

        assertThat(repository.latestVersion(BUCKET, "k")).map(ObjectVersion::versionId).contains("v0");
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@v0", "k@v1");
        // a version id that was deleted can be put again, as the newest
        repository.putVersion(version(BUCKET, "k", "v2"));
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@v2", "k@v0", "k@v1");
    }

    @Test
    public void deletingAMissingVersionReturnsFalseAndChangesNothing() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));

        assertThat(repository.deleteVersion(BUCKET, "k", "v2")).isFalse();
        assertThat(repository.deleteVersion(BUCKET, "k", "V1")).isFalse();
        assertThat(repository.deleteVersion(BUCKET, "K", "v1")).isFalse();
        assertThat(repository.deleteVersion(OTHER_BUCKET, "k", "v1")).isFalse();
        assertThat(repository.deleteVersion("missing", "k", "v1")).isFalse();
        assertThat(repository.latestVersion(BUCKET, "k")).map(ObjectVersion::versionId).contains("v1");

        assertThat(repository.deleteVersion(BUCKET, "k", "v1")).isTrue();
        assertThat(repository.deleteVersion(BUCKET, "k", "v1")).isFalse();
    }

    // ---- versions: updates

    @Test
    public void updateVersionReplacesItsFieldsWithoutMakingItTheLatest() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        ObjectVersion v2 = version(BUCKET, "k", "v2");
        repository.putVersion(v2);

        ObjectVersion retagged = version(BUCKET, "k", "v1").withTags(Map.of("project", "blue", "", ""));
        assertThat(repository.updateVersion(retagged)).isTrue();

        assertThat(repository.findVersion(BUCKET, "k", "v1")).map(S3RepositoryContract::view).contains(view(retagged));
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(v2));
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@v2", "k@v1");
        assertThat(repository.listLatest(BUCKET, "", "", 10)).extracting(ObjectVersion::versionId)
                .containsExactly("v2");
    }

    @Test
    public void updateVersionReplacesEveryStoredField() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        ObjectVersion rewritten = new ObjectVersion(BUCKET, "k", "v1", false, T0.plusSeconds(60), 12_345_678_901L,
                "0123456789abcdef0123456789abcdef-3", Map.of("Cache-Control", "no-cache"), Map.of("m", "n"),
                Optional.of(new ObjectChecksum("SHA256", "q83vEjRWeJA=", "COMPOSITE")), Map.of("a", "b"), "GLACIER",
                sseKms(), "blob-rewritten");

        assertThat(repository.updateVersion(rewritten)).isTrue();
        assertThat(repository.findVersion(BUCKET, "k", "v1")).map(S3RepositoryContract::view)
                .contains(view(rewritten));
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(rewritten));
        assertThat(repository.blobReferenced("blob-rewritten")).isTrue();
        assertThat(repository.blobReferenced(version(BUCKET, "k", "v1").blobId())).isFalse();
    }

    @Test
    public void updatingAMissingVersionReturnsFalseAndCreatesNothing() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));

        assertThat(repository.updateVersion(version(BUCKET, "k", "v2"))).isFalse();
        assertThat(repository.updateVersion(version(BUCKET, "other", "v1"))).isFalse();
        assertThat(repository.updateVersion(version(OTHER_BUCKET, "k", "v1"))).isFalse();
        assertThat(repository.updateVersion(version("missing", "k", "v1"))).isFalse();

        assertThat(repository.findVersion(BUCKET, "k", "v2")).isEmpty();
        assertThat(repository.latestVersion(BUCKET, "other")).isEmpty();
        assertThat(repository.bucketHasVersions(OTHER_BUCKET)).isFalse();
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@v1");
    }

    // ---- blobs

    @Test
    public void aBlobIsReferencedWhileAVersionNamesIt() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion v1 = withBlob(version(BUCKET, "k", ObjectVersion.NULL_VERSION), "blob-1");
        assertThat(repository.blobReferenced("blob-1")).isFalse();
        repository.putVersion(v1);
        assertThat(repository.blobReferenced("blob-1")).isTrue();
        assertThat(repository.blobReferenced("blob-2")).isFalse();
        assertThat(repository.blobReferenced("BLOB-1")).isFalse();
        assertThat(repository.blobReferenced("")).isFalse();

        // replacing the null version drops its blob
        repository.putVersion(withBlob(version(BUCKET, "k", ObjectVersion.NULL_VERSION), "blob-2"));
        assertThat(repository.blobReferenced("blob-1")).isFalse();
        assertThat(repository.blobReferenced("blob-2")).isTrue();

        // two versions may share a blob (a copy); it stays referenced until both are gone
        repository.putVersion(withBlob(version(BUCKET, "copy", "c1"), "blob-2"));
        repository.deleteVersion(BUCKET, "k", ObjectVersion.NULL_VERSION);
        assertThat(repository.blobReferenced("blob-2")).isTrue();
        repository.deleteVersion(BUCKET, "copy", "c1");
        assertThat(repository.blobReferenced("blob-2")).isFalse();
    }

    @Test
    public void aPageOfBlobsIsLookedUpAtOnce() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(withBlob(version(BUCKET, "a", "v1"), "blob-a"));
        repository.putVersion(withBlob(version(BUCKET, "a", "v2"), "blob-shared"));
        repository.putVersion(withBlob(version(BUCKET, "b", "v1"), "blob-shared"));
        repository.putVersion(ObjectVersion.deleteMarker(BUCKET, "c", "v1", Instant.EPOCH));

        assertThat(repository.referencedBlobs(Set.of())).isEmpty();
        assertThat(repository.referencedBlobs(Set.of("blob-a", "blob-shared", "orphan", "BLOB-A", "")))
                .containsExactlyInAnyOrder("blob-a", "blob-shared");
        Set<String> many = new java.util.HashSet<>();
        for (int i = 0; i < 600; i++) {
            many.add("orphan-" + i);
        }
        many.add("blob-a");
        assertThat(repository.referencedBlobs(many)).containsExactly("blob-a");
    }

    // ---- listing the latest versions

    @Test
    public void keysAreListedByTheirUtf8Bytes() {
        repository.insertBucket(bucket(BUCKET));
        List<String> shuffled = new ArrayList<>(KEYS_IN_UTF8_ORDER);
        Collections.shuffle(shuffled, new Random(7));
        for (String key : shuffled) {
            repository.putVersion(version(BUCKET, key, "v"));
        }

        assertThat(keys(repository.listLatest(BUCKET, "", "", 100))).containsExactlyElementsOf(KEYS_IN_UTF8_ORDER);
        assertThat(distinctKeys(repository.listVersions(BUCKET, "", "", "", 100)))
                .containsExactlyElementsOf(KEYS_IN_UTF8_ORDER);

        // paging with each last key as the next afterKey walks the same order
        List<String> paged = new ArrayList<>();
        String after = "";
        for (List<ObjectVersion> page = repository.listLatest(BUCKET, "", after, 3); !page.isEmpty();
             page = repository.listLatest(BUCKET, "", after, 3)) {
            paged.addAll(keys(page));
            after = page.getLast().key();
        }
        assertThat(paged).containsExactlyElementsOf(KEYS_IN_UTF8_ORDER);

        // afterKey compares by UTF-8 bytes too
        assertThat(keys(repository.listLatest(BUCKET, "", "\uE000", 100)))
                .containsExactly("\uFFFD", "\uD83D\uDE00", "\uDBFF\uDFFF");
        assertThat(keys(repository.listLatest(BUCKET, "", "\uD83D\uDE00", 100))).containsExactly("\uDBFF\uDFFF");
    }

    @Test
    public void listLatestSkipsKeysWhoseLatestIsADeleteMarker() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k1", "v1"));
        repository.putVersion(marker(BUCKET, "k1", "m1"));
        repository.putVersion(marker(BUCKET, "k2", "m2"));
        ObjectVersion k2 = version(BUCKET, "k2", "v2");
        repository.putVersion(k2);
        ObjectVersion k3 = version(BUCKET, "k3", "v3");
        repository.putVersion(k3);
        repository.putVersion(marker(BUCKET, "k4", "m4"));
        ObjectVersion k5 = version(BUCKET, "k5", "v5");
        repository.putVersion(k5);
        repository.putVersion(marker(BUCKET, "k5", "m5"));
        repository.deleteVersion(BUCKET, "k5", "m5");
        repository.putVersion(version(BUCKET, "k6", "v6"));
        repository.putVersion(marker(BUCKET, "k6", "m6"));

        assertThat(repository.listLatest(BUCKET, "", "", 100)).extracting(S3RepositoryContract::view)
                .containsExactly(view(k2), view(k3), view(k5));
        // skipped keys do not count against the limit
        assertThat(keys(repository.listLatest(BUCKET, "", "", 2))).containsExactly("k2", "k3");
        assertThat(keys(repository.listLatest(BUCKET, "", "k1", 1))).containsExactly("k2");
        assertThat(keys(repository.listLatest(BUCKET, "", "k2", 1))).containsExactly("k3");
        assertThat(keys(repository.listLatest(BUCKET, "", "k3", 1))).containsExactly("k5");
        assertThat(keys(repository.listLatest(BUCKET, "", "k4", 5))).containsExactly("k5");
        assertThat(keys(repository.listLatest(BUCKET, "", "k5", 5))).isEmpty();
        assertThat(keys(repository.listLatest(BUCKET, "", "k", 5))).containsExactly("k2", "k3", "k5");
        assertThat(repository.listLatest(BUCKET, "", "", 0)).isEmpty();
        assertThat(repository.listLatest(BUCKET, "", "", -5)).isEmpty();
    }

    @Test
    public void listLatestIsPerBucketAndReturnsEachKeysLatestOnly() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        ObjectVersion latest = withEtag(version(BUCKET, "k", "v2"), "latest");
        repository.putVersion(latest);
        repository.putVersion(version(OTHER_BUCKET, "j", "v1"));

        assertThat(repository.listLatest(BUCKET, "", "", 10)).extracting(S3RepositoryContract::view)
                .containsExactly(view(latest));
        assertThat(keys(repository.listLatest(OTHER_BUCKET, "", "", 10))).containsExactly("j");
        assertThat(repository.listLatest("missing", "", "", 10)).isEmpty();
    }

    @Test
    public void prefixesMatchLiterallyWithLikeWildcardsAndBackslashes() {
        repository.insertBucket(bucket(BUCKET));
        for (String key : List.of("a%", "a%b", "a%%", "a_", "a_b", "axb", "a\\b", "ab", "A%b", "b%", "abc")) {
            repository.putVersion(version(BUCKET, key, "v"));
        }

        assertThat(keys(repository.listLatest(BUCKET, "a%", "", 100))).containsExactly("a%", "a%%", "a%b");
        assertThat(keys(repository.listLatest(BUCKET, "a_", "", 100))).containsExactly("a_", "a_b");
        assertThat(keys(repository.listLatest(BUCKET, "a\\", "", 100))).containsExactly("a\\b");
        assertThat(keys(repository.listLatest(BUCKET, "%", "", 100))).isEmpty();
        assertThat(keys(repository.listLatest(BUCKET, "_", "", 100))).isEmpty();
        // prefixes are case-sensitive
        assertThat(keys(repository.listLatest(BUCKET, "A", "", 100))).containsExactly("A%b");
        assertThat(keys(repository.listLatest(BUCKET, "ab", "", 100))).containsExactly("ab", "abc");
        // a prefix that is a whole key
        assertThat(keys(repository.listLatest(BUCKET, "axb", "", 100))).containsExactly("axb");
        assertThat(keys(repository.listLatest(BUCKET, "abcd", "", 100))).isEmpty();

        assertThat(distinctKeys(repository.listVersions(BUCKET, "a%", "", "", 100)))
                .containsExactly("a%", "a%%", "a%b");
        assertThat(distinctKeys(repository.listVersions(BUCKET, "a_", "", "", 100))).containsExactly("a_", "a_b");
    }

    @Test
    public void prefixesAtTheEdgesOfUnicode() {
        repository.insertBucket(bucket(BUCKET));
        for (String key : List.of("x\uD7FF", "x\uD7FFa", "x\uE000", "x\uDBFF\uDFFF", "x\uDBFF\uDFFFz", "y",
                "\uDBFF\uDFFF\uDBFF\uDFFF", "\uDBFF\uDFFF", "é", "éa", "ê", "e", "e\u0301")) {
            repository.putVersion(version(BUCKET, key, "v"));
        }

        assertThat(keys(repository.listLatest(BUCKET, "x\uD7FF", "", 100))).containsExactly("x\uD7FF", "x\uD7FFa");
        assertThat(keys(repository.listLatest(BUCKET, "x\uDBFF\uDFFF", "", 100)))
                .containsExactly("x\uDBFF\uDFFF", "x\uDBFF\uDFFFz");
        assertThat(keys(repository.listLatest(BUCKET, "\uDBFF\uDFFF", "", 100)))
                .containsExactly("\uDBFF\uDFFF", "\uDBFF\uDFFF\uDBFF\uDFFF");
        assertThat(keys(repository.listLatest(BUCKET, "\uDBFF\uDFFF\uDBFF\uDFFF", "", 100)))
                .containsExactly("\uDBFF\uDFFF\uDBFF\uDFFF");
        assertThat(keys(repository.listLatest(BUCKET, "x", "", 100))).containsExactly("x\uD7FF", "x\uD7FFa", "x\uE000",
                "x\uDBFF\uDFFF", "x\uDBFF\uDFFFz");
        assertThat(keys(repository.listLatest(BUCKET, "é", "", 100))).containsExactly("é", "éa");
        assertThat(keys(repository.listLatest(BUCKET, "e", "", 100))).containsExactly("e", "e\u0301");
    }

    @Test
    public void listLatestCombinesThePrefixWithAfterKey() {
        repository.insertBucket(bucket(BUCKET));
        for (String key : List.of("a", "b/1", "b/2", "b/3", "c")) {
            repository.putVersion(version(BUCKET, key, "v"));
        }

        assertThat(keys(repository.listLatest(BUCKET, "b/", "b/1", 100))).containsExactly("b/2", "b/3");
        assertThat(keys(repository.listLatest(BUCKET, "b/", "a", 100))).containsExactly("b/1", "b/2", "b/3");
        assertThat(keys(repository.listLatest(BUCKET, "b/", "b", 100))).containsExactly("b/1", "b/2", "b/3");
        assertThat(keys(repository.listLatest(BUCKET, "b/", "b/3", 100))).isEmpty();
        assertThat(keys(repository.listLatest(BUCKET, "b/", "c", 100))).isEmpty();
        assertThat(keys(repository.listLatest(BUCKET, "b/", "b/15", 1))).containsExactly("b/2");
    }

    // ---- listing every version

    @Test
    public void versionsAreListedByKeyThenNewestFirst() {
        putVersionHistory();
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 100)))
                .containsExactly("a@3", "a@2", "a@1", "b@v1", "b@m", "c@null", "d/e@d1");
        ObjectVersion marker = repository.listVersions(BUCKET, "b", "", "", 100).get(1);
        assertThat(view(marker)).isEqualTo(view(marker(BUCKET, "b", "m")));
        assertThat(repository.listVersions(OTHER_BUCKET, "", "", "", 100)).isEmpty();
        assertThat(repository.listVersions("missing", "", "", "", 100)).isEmpty();
    }

    @Test
    public void versionListingsPageAfterAVersionOfAKey() {
        putVersionHistory();
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 2))).containsExactly("a@3", "a@2");
        assertThat(ids(repository.listVersions(BUCKET, "", "a", "2", 2))).containsExactly("a@1", "b@v1");
        assertThat(ids(repository.listVersions(BUCKET, "", "b", "v1", 2))).containsExactly("b@m", "c@null");
        assertThat(ids(repository.listVersions(BUCKET, "", "c", "null", 2))).containsExactly("d/e@d1");
        assertThat(ids(repository.listVersions(BUCKET, "", "d/e", "d1", 2))).isEmpty();
        // after the last version of a key, or after a delete marker
        assertThat(ids(repository.listVersions(BUCKET, "", "a", "1", 2))).containsExactly("b@v1", "b@m");
        assertThat(ids(repository.listVersions(BUCKET, "", "b", "m", 5))).containsExactly("c@null", "d/e@d1");

        // paging one at a time walks the whole listing
        List<String> paged = new ArrayList<>();
        String afterKey = "";
        String afterVersion = "";
        for (List<ObjectVersion> page = repository.listVersions(BUCKET, "", afterKey, afterVersion, 1);
             !page.isEmpty(); page = repository.listVersions(BUCKET, "", afterKey, afterVersion, 1)) {
            paged.addAll(ids(page));
            afterKey = page.getLast().key();
            afterVersion = page.getLast().versionId();
        }
        assertThat(paged).containsExactly("a@3", "a@2", "a@1", "b@v1", "b@m", "c@null", "d/e@d1");
    }

    @Test
    public void versionListingsWithoutAVersionMarkerStartAfterEveryVersionOfTheKey() {
        putVersionHistory();
        assertThat(ids(repository.listVersions(BUCKET, "", "a", "", 100)))
                .containsExactly("b@v1", "b@m", "c@null", "d/e@d1");
        assertThat(ids(repository.listVersions(BUCKET, "", "b", "", 100))).containsExactly("c@null", "d/e@d1");
        // a key that does not exist: the listing goes on from where it would sort
        assertThat(ids(repository.listVersions(BUCKET, "", "bb", "", 100))).containsExactly("c@null", "d/e@d1");
        // without afterKey, a version marker means nothing
        assertThat(ids(repository.listVersions(BUCKET, "", "", "2", 2))).containsExactly("a@3", "a@2");
    }

    @Test
    public void aVersionMarkerThatNoLongerExistsListsEveryRemainingVersionOfItsKey() {
        putVersionHistory();
        assertThat(ids(repository.listVersions(BUCKET, "", "a", "gone", 100)))
                .containsExactly("a@3", "a@2", "a@1", "b@v1", "b@m", "c@null", "d/e@d1");
        repository.deleteVersion(BUCKET, "a", "2");
        assertThat(ids(repository.listVersions(BUCKET, "", "a", "2", 3))).containsExactly("a@3", "a@1", "b@v1");
        // a marker key that does not exist goes on from where it would sort
        assertThat(ids(repository.listVersions(BUCKET, "", "bb", "x", 100))).containsExactly("c@null", "d/e@d1");
    }

    @Test
    public void versionListingsKeepToThePrefix() {
        putVersionHistory();
        assertThat(ids(repository.listVersions(BUCKET, "d/", "", "", 100))).containsExactly("d/e@d1");
        assertThat(ids(repository.listVersions(BUCKET, "a", "", "", 2))).containsExactly("a@3", "a@2");
        assertThat(ids(repository.listVersions(BUCKET, "a", "a", "2", 5))).containsExactly("a@1");
        // the marker's key is outside the prefix: only the prefix's keys after it
        assertThat(ids(repository.listVersions(BUCKET, "b", "a", "2", 5))).containsExactly("b@v1", "b@m");
        assertThat(ids(repository.listVersions(BUCKET, "b", "c", "null", 5))).isEmpty();
        assertThat(ids(repository.listVersions(BUCKET, "e", "", "", 5))).isEmpty();
        assertThat(repository.listVersions(BUCKET, "", "", "", 0)).isEmpty();
        assertThat(repository.listVersions(BUCKET, "", "a", "3", -1)).isEmpty();
    }

    // ---- transactions

    @Test
    public void aFailedTransactionLeavesNothingBehind() {
        repository.insertBucket(bucket(BUCKET));
        ObjectVersion v1 = version(BUCKET, "k", "v1");
        ObjectVersion v2 = version(BUCKET, "k", "v2");
        repository.putVersion(v1);
        repository.putVersion(v2);

        assertThatThrownBy(() -> stores.transactor().run(() -> {
            repository.insertBucket(bucket(OTHER_BUCKET));
            repository.putVersion(version(OTHER_BUCKET, "j", "v1"));
            repository.updateBucket(bucket(BUCKET).withVersioning(Versioning.ENABLED));
            repository.deleteVersion(BUCKET, "k", "v2");
            repository.putVersion(marker(BUCKET, "k", "m"));
            repository.updateVersion(v1.withTags(Map.of("t", "v")));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.findBucket(OTHER_BUCKET)).isEmpty();
        assertThat(repository.findBucket(BUCKET)).contains(bucket(BUCKET));
        assertThat(repository.latestVersion(BUCKET, "k")).map(S3RepositoryContract::view).contains(view(v2));
        assertThat(repository.findVersion(BUCKET, "k", "v1")).map(S3RepositoryContract::view).contains(view(v1));
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@v2", "k@v1");
        assertThat(repository.blobReferenced(version(OTHER_BUCKET, "j", "v1").blobId())).isFalse();
    }

    @Test
    public void aRefusedCallInsideATransactionLeavesItUsable() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        stores.transactor().run(() -> {
            assertThatThrownBy(() -> repository.insertBucket(bucket(BUCKET)))
                    .isInstanceOf(DuplicateEntityException.class);
            assertThatThrownBy(() -> repository.putVersion(version(OTHER_BUCKET, "k", "v1")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> repository.deleteBucket(BUCKET)).isInstanceOf(IllegalStateException.class);
            repository.putVersion(version(BUCKET, "k", "v2"));
        });
        assertThat(repository.latestVersion(BUCKET, "k")).map(ObjectVersion::versionId).contains("v2");
        assertThat(ids(repository.listVersions(BUCKET, "", "", "", 10))).containsExactly("k@v2", "k@v1");
    }

    // ---- bad input

    @Test
    public void nullArgumentsAreRefused() {
        repository.insertBucket(bucket(BUCKET));
        repository.putVersion(version(BUCKET, "k", "v1"));
        List<Runnable> calls = List.of(
                () -> repository.insertBucket(null),
                () -> repository.findBucket(null),
                () -> repository.updateBucket(null),
                () -> repository.deleteBucket(null),
                () -> repository.listBuckets(null, Optional.empty(), 10),
                () -> repository.listBuckets(ACCOUNT, null, 10),
                () -> repository.bucketHasVersions(null),
                () -> repository.putVersion(null),
                () -> repository.latestVersion(null, "k"),
                () -> repository.latestVersion(BUCKET, null),
                () -> repository.findVersion(BUCKET, "k", null),
                () -> repository.findVersion(null, "k", "v1"),
                () -> repository.updateVersion(null),
                () -> repository.deleteVersion(BUCKET, null, "v1"),
                () -> repository.deleteVersion(BUCKET, "k", null),
                () -> repository.listLatest(null, "", "", 10),
                () -> repository.listLatest(BUCKET, null, "", 10),
                () -> repository.listLatest(BUCKET, "", null, 10),
                () -> repository.listVersions(BUCKET, null, "", "", 10),
                () -> repository.listVersions(BUCKET, "", null, "", 10),
                () -> repository.listVersions(BUCKET, "", "k", null, 10),
                () -> repository.blobReferenced(null));
        for (int i = 0; i < calls.size(); i++) {
            assertThatThrownBy(calls.get(i)::run).as("call %d", i).isInstanceOf(NullPointerException.class);
        }
        assertThat(repository.latestVersion(BUCKET, "k")).map(ObjectVersion::versionId).contains("v1");
    }

    // ---- object lock

    @Test
    public void aVersionsLockRoundTripsToTheMillisecondAndIsReplacedWhole() {
        putVersionHistory();
        assertThat(repository.objectLock(BUCKET, "a", "2")).isEmpty();
        ObjectLock governance = new ObjectLock(Optional.of(new ObjectLock.Retention(ObjectLock.Mode.GOVERNANCE,
                T0.plusNanos(987_654_321))), Optional.empty());
        assertThat(repository.putObjectLock(BUCKET, "a", "2", governance)).isTrue();
        assertThat(repository.objectLock(BUCKET, "a", "2")).contains(new ObjectLock(Optional.of(
                new ObjectLock.Retention(ObjectLock.Mode.GOVERNANCE, T0.plusMillis(987))), Optional.empty()));

        ObjectLock held = new ObjectLock(Optional.of(new ObjectLock.Retention(ObjectLock.Mode.COMPLIANCE, T0)),
                Optional.of(true));
        assertThat(repository.putObjectLock(BUCKET, "a", "2", held)).isTrue();
        assertThat(repository.objectLock(BUCKET, "a", "2")).contains(held);
        ObjectLock offOnly = new ObjectLock(Optional.empty(), Optional.of(false));
        assertThat(repository.putObjectLock(BUCKET, "a", "2", offOnly)).isTrue();
        assertThat(repository.objectLock(BUCKET, "a", "2")).contains(offOnly);
        // other versions, keys and buckets keep their own
        assertThat(repository.objectLock(BUCKET, "a", "1")).isEmpty();
        assertThat(repository.objectLock(BUCKET, "A", "2")).isEmpty();
        assertThat(repository.objectLock(OTHER_BUCKET, "a", "2")).isEmpty();
    }

    @Test
    public void aLockNeedsAnExistingVersionThatIsNoDeleteMarker() {
        putVersionHistory();
        ObjectLock hold = new ObjectLock(Optional.empty(), Optional.of(true));
        assertThat(repository.putObjectLock(BUCKET, "a", "missing", hold)).isFalse();
        assertThat(repository.putObjectLock(BUCKET, "b", "m", hold)).isFalse();
        assertThat(repository.putObjectLock(OTHER_BUCKET, "a", "1", hold)).isFalse();
        assertThat(repository.objectLock(BUCKET, "a", "missing")).isEmpty();
        assertThat(repository.objectLock(BUCKET, "b", "m")).isEmpty();
    }

    @Test
    public void aLockGoesWithItsVersionWhenDeletedOrReplaced() {
        putVersionHistory();
        ObjectLock hold = new ObjectLock(Optional.empty(), Optional.of(true));
        repository.putObjectLock(BUCKET, "a", "3", hold);
        repository.putObjectLock(BUCKET, "c", ObjectVersion.NULL_VERSION, hold);
        assertThat(repository.deleteVersion(BUCKET, "a", "3")).isTrue();
        assertThat(repository.objectLock(BUCKET, "a", "3")).isEmpty();
        repository.putVersion(version(BUCKET, "a", "3"));
        assertThat(repository.objectLock(BUCKET, "a", "3")).isEmpty();

        repository.putVersion(version(BUCKET, "c", ObjectVersion.NULL_VERSION));
        assertThat(repository.objectLock(BUCKET, "c", ObjectVersion.NULL_VERSION)).isEmpty();
    }

    @Test
    public void aLockWrittenInARolledBackTransactionIsNotKept() {
        putVersionHistory();
        assertThatThrownBy(() -> stores.transactor().run(() -> {
            repository.putObjectLock(BUCKET, "a", "1", new ObjectLock(Optional.empty(), Optional.of(true)));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(repository.objectLock(BUCKET, "a", "1")).isEmpty();
    }

    // ---- fixtures

    /**
     * In {@link #BUCKET}: "a" put as 1, 2, 3; "b" a delete marker "m" then "v1"; "c" the null version;
     * "d/e" one version. Version ids are chosen so that neither their order nor their times give the put order.
     */
    protected void putVersionHistory() {
        repository.insertBucket(bucket(BUCKET));
        repository.insertBucket(bucket(OTHER_BUCKET));
        repository.putVersion(version(BUCKET, "d/e", "d1"));
        repository.putVersion(version(BUCKET, "a", "1"));
        repository.putVersion(marker(BUCKET, "b", "m"));
        repository.putVersion(version(BUCKET, "a", "2"));
        repository.putVersion(version(BUCKET, "c", ObjectVersion.NULL_VERSION));
        repository.putVersion(version(BUCKET, "b", "v1"));
        repository.putVersion(version(BUCKET, "a", "3"));
    }

    protected static Bucket bucket(String name) {
        return new Bucket(name, ACCOUNT, REGION, T0, Versioning.UNVERSIONED, false);
    }

    /** A small SSE-S3 version with a content type, whose blob id names its bucket, key and version. */
    protected static ObjectVersion version(String bucket, String key, String versionId) {
        return new ObjectVersion(bucket, key, versionId, false, T0, 3, "acbd18db4cc2f85cedef654fccc4a4d8",
                Map.of("Content-Type", "text/plain"), Map.of(), Optional.empty(), Map.of(), "STANDARD", sseS3(),
                "blob:" + bucket + "/" + key + "@" + versionId);
    }

    protected static ObjectVersion marker(String bucket, String key, String versionId) {
        return ObjectVersion.deleteMarker(bucket, key, versionId, T0.plusSeconds(1));
    }

    /** A version of {@link #BUCKET} with every field set. */
    protected static ObjectVersion fullVersion(String key, String versionId, ObjectEncryption encryption) {
        return new ObjectVersion(BUCKET, key, versionId, false, T0.plusMillis(1), 5_368_709_120L,
                "9b2cf535f27731c974343645a3985328-1000",
                Map.of("Content-Type", "application/json; charset=utf-8", "Content-Encoding", "gzip",
                        "Content-Disposition", "attachment; filename=\"a,b=c.json\"", "Content-Language", "en-GB",
                        "Cache-Control", "max-age=60, public", "Expires", "Wed, 21 Oct 2015 07:28:00 GMT"),
                Map.of("owner", "ünï", "purpose", "line\nbreak"),
                Optional.of(new ObjectChecksum("CRC64NVME", "AAAAAAAAAAA=", "FULL_OBJECT")),
                Map.of("project", "blue", "cost-center", "42"), "STANDARD_IA", encryption, "blob-" + key);
    }

    protected static ObjectEncryption sseS3() {
        return new ObjectEncryption(Mode.SSE_S3, null, false, bytes("wrapped by the platform key"), null, null);
    }

    protected static ObjectEncryption sseKms() {
        return new ObjectEncryption(Mode.SSE_KMS, KMS_KEY_ARN, true, allBytes(), null, null);
    }

    protected static ObjectEncryption sseC() {
        return new ObjectEncryption(Mode.SSE_C, null, false, new byte[0], "1B2M2Y8AsgTpgAmY7PhCfg==", allBytes());
    }

    protected static ObjectVersion withEtag(ObjectVersion v, String etag) {
        return new ObjectVersion(v.bucket(), v.key(), v.versionId(), v.deleteMarker(), v.lastModified(), v.size(),
                etag, v.headers(), v.userMetadata(), v.checksum(), v.tags(), v.storageClass(), v.encryption(),
                v.blobId());
    }

    protected static ObjectVersion withBlob(ObjectVersion v, String blobId) {
        return new ObjectVersion(v.bucket(), v.key(), v.versionId(), v.deleteMarker(), v.lastModified(), v.size(),
                v.etag(), v.headers(), v.userMetadata(), v.checksum(), v.tags(), v.storageClass(), v.encryption(),
                blobId);
    }

    protected static ObjectVersion withChecksum(ObjectVersion v, ObjectChecksum checksum) {
        return new ObjectVersion(v.bucket(), v.key(), v.versionId(), v.deleteMarker(), v.lastModified(), v.size(),
                v.etag(), v.headers(), v.userMetadata(), Optional.of(checksum), v.tags(), v.storageClass(),
                v.encryption(), v.blobId());
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every byte value once, so no encoding can lose one. */
    protected static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    protected static List<String> names(List<Bucket> buckets) {
        return buckets.stream().map(Bucket::name).toList();
    }

    protected static List<String> keys(List<ObjectVersion> versions) {
        return versions.stream().map(ObjectVersion::key).toList();
    }

    protected static List<String> distinctKeys(List<ObjectVersion> versions) {
        return versions.stream().map(ObjectVersion::key).distinct().toList();
    }

    /** Each version as {@code key@versionId}. */
    protected static List<String> ids(List<ObjectVersion> versions) {
        return versions.stream().map(v -> v.key() + "@" + v.versionId()).toList();
    }

    /** A version's fields with its encryption's byte arrays as hex, to compare by content. */
    protected static List<Object> view(ObjectVersion v) {
        return Arrays.asList(v.bucket(), v.key(), v.versionId(), v.deleteMarker(), v.lastModified(), v.size(),
                v.etag(), v.headers(), v.userMetadata(), v.checksum(), v.tags(), v.storageClass(),
                view(v.encryption()), v.blobId());
    }

    protected static List<Object> view(ObjectEncryption e) {
        if (e == null) {
            return null;
        }
        return Arrays.asList(e.mode(), e.kmsKeyArn(), e.bucketKeyEnabled(), HEX.formatHex(e.wrappedDataKey()),
                e.customerKeyMd5(), e.customerKeyHmac() == null ? null : HEX.formatHex(e.customerKeyHmac()));
    }
}
