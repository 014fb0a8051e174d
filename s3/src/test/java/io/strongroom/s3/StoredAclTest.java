package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredAclTest {
    private static final String BUCKET_OWNER = "111122223333";
    private static final String WRITER = "444455556666";

    @Test
    void aDocumentReadsBackAsWritten() {
        StoredAcl acl = new StoredAcl(Optional.of(WRITER), CannedAcl.PRIVATE, Optional.of(List.of(
                AclGrant.toAccount(WRITER, "FULL_CONTROL"), AclGrant.toGroup(AclGrant.ALL_USERS, "READ"))));
        assertThat(StoredAcl.parse(acl.document())).isEqualTo(acl);
        StoredAcl canned = new StoredAcl(Optional.empty(), CannedAcl.BUCKET_OWNER_READ, Optional.empty());
        assertThat(StoredAcl.parse(canned.document())).isEqualTo(canned);
        // an explicit empty list of grants is not the canned ACL's
        StoredAcl none = new StoredAcl(Optional.empty(), CannedAcl.PRIVATE, Optional.of(List.of()));
        assertThat(StoredAcl.parse(none.document())).isEqualTo(none);
        assertThat(none.grants(BUCKET_OWNER, true)).isEmpty();
    }

    @Test
    void aBareCannedNameIsReadAsObjectAclsWereFirstKept() {
        assertThat(StoredAcl.parse("public-read"))
                .isEqualTo(new StoredAcl(Optional.empty(), CannedAcl.PUBLIC_READ, Optional.empty()));
    }

    @Test
    void aDamagedGrantLineIsDroppedSoTheAclGrantsLessNeverMore() {
        StoredAcl acl = StoredAcl.parse("acl=private\ngrants=explicit\ngrant=EVERYTHING uri " + AclGrant.ALL_USERS
                + "\ngrant=READ id\ngrant=READ id " + WRITER + "\n");
        assertThat(acl.grants()).contains(List.of(AclGrant.toAccount(WRITER, "READ")));
    }

    @Test
    void bucketOwnerCannedAclsGrantTheBucketOwnerOnlyOnAnotherAccountsObject() {
        StoredAcl foreign = new StoredAcl(Optional.of(WRITER), CannedAcl.BUCKET_OWNER_FULL_CONTROL, Optional.empty());
        assertThat(foreign.grants(BUCKET_OWNER, false)).containsExactly(AclGrant.toAccount(WRITER, "FULL_CONTROL"),
                AclGrant.toAccount(BUCKET_OWNER, "FULL_CONTROL"));
        assertThat(foreign.grantsOthers(BUCKET_OWNER, false)).isFalse();
        StoredAcl own = new StoredAcl(Optional.empty(), CannedAcl.BUCKET_OWNER_FULL_CONTROL, Optional.empty());
        assertThat(own.grants(BUCKET_OWNER, false)).containsExactly(AclGrant.toAccount(BUCKET_OWNER, "FULL_CONTROL"));
    }

    @Test
    void permissionsMapToTheActionsS3Documents() {
        assertThat(AclStatements.actions("READ", true))
                .containsExactly("s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads");
        assertThat(AclStatements.actions("WRITE", false)).isEmpty();
        assertThat(AclStatements.actions("READ_ACP", false)).containsExactly("s3:GetObjectAcl", "s3:GetObjectVersionAcl");
        assertThat(AclStatements.actions("FULL_CONTROL", true)).contains("s3:PutObject", "s3:PutBucketAcl");
        // the owner's own grants and log delivery's allow nothing; a public group's allows everyone
        assertThat(AclStatements.of("Acl", List.of(AclGrant.toAccount(BUCKET_OWNER, "FULL_CONTROL"),
                AclGrant.toGroup(AclGrant.LOG_DELIVERY, "WRITE")), BUCKET_OWNER, true, false)).isEmpty();
        assertThat(AclStatements.of("Acl", List.of(AclGrant.toGroup(AclGrant.ALL_USERS, "READ")), BUCKET_OWNER,
                true, true)).isEmpty();
        assertThat(AclStatements.of("Acl", List.of(AclGrant.toGroup(AclGrant.ALL_USERS, "READ")), BUCKET_OWNER,
                true, false)).hasSize(1);
    }
}
