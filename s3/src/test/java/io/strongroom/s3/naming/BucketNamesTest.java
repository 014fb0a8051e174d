package io.strongroom.s3.naming;

import io.strongroom.core.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "abc", "a1b", "123", "docexamplebucket1", "log-delivery-march-2020", "my-hosted-content",
        "docexamplewebsite.com", "www.docexamplewebsite.com", "my.example.s3.bucket",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "a-b--c", "1.2.3", "1.2.3.4.5", "1.2.3.a", "xn-a", "xnx--a", "sthree", "amzn-s3-demo", "my-xn--bucket",
        "bucket-s3alias1", "bucket--ol-s3x", "bucket.mrapx", "bucket--x-s3a", "a--table-s3b", "bucket-s3",
    })
    void acceptsValidNames(String name) {
        assertThat(BucketNames.validate(name)).isEqualTo(name);
        assertThat(BucketNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // length
        "", "a", "ab", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        // characters
        "Bucket", "bucketA", "my_bucket", "my bucket", "bücket", "bucket!", "buck/et", "buck:et", "bucket\u0000x",
        // first and last characters
        "-bucket", "bucket-", ".bucket", "bucket.",
        // adjacent periods
        "my..bucket", "a...b",
        // IP addresses
        "192.168.5.4", "10.0.0.1", "999.999.999.999", "0.0.0.0",
        // reserved prefixes
        "xn--bucket", "sthree-bucket", "sthree-configurator", "amzn-s3-demo-bucket",
        // reserved suffixes
        "bucket-s3alias", "bucket--ol-s3", "bucket.mrap", "bucket--usw2-az1--x-s3", "bucket--table-s3",
    })
    void refusesInvalidNames(String name) {
        assertThat(BucketNames.isValid(name)).isFalse();
        assertThatThrownBy(() -> BucketNames.validate(name))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidBucketName");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("The specified bucket is not valid.");
                });
    }

    @Test
    void aNullNameIsAProgrammingError() {
        assertThatThrownBy(() -> BucketNames.validate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BucketNames.isValid(null)).isInstanceOf(NullPointerException.class);
    }
}
