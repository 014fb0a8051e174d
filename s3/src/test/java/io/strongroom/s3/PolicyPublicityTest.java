package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** S3's meaning of a public bucket policy, statement shape by statement shape. */
class PolicyPublicityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            everyone, no condition                    | true  | "Principal":"*"                     |
            any AWS principal                         | true  | "Principal":{"AWS":"*"}             |
            any AWS principal among fixed ones        | true  | "Principal":{"AWS":["111122223333","*"]} |
            a fixed account                           | false | "Principal":{"AWS":"111122223333"}  |
            a fixed user                              | false | "Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"} |
            a fixed service principal                 | false | "Principal":{"Service":"cloudtrail.amazonaws.com"} |
            NotPrincipal allows everyone else         | true  | "NotPrincipal":{"AWS":"111122223333"} |
            fixed aws:SourceVpc                       | false | "Principal":"*" | ,"Condition":{"StringEquals":{"aws:SourceVpc":"vpc-91237329"}}
            wildcard aws:SourceVpc                    | true  | "Principal":"*" | ,"Condition":{"StringLike":{"aws:SourceVpc":"vpc-*"}}
            single-character wildcard                 | true  | "Principal":"*" | ,"Condition":{"StringLike":{"aws:SourceVpce":"vpce-1?"}}
            policy variable                           | true  | "Principal":"*" | ,"Condition":{"StringEquals":{"aws:SourceAccount":"${aws:PrincipalAccount}"}}
            fixed aws:SourceArn                       | false | "Principal":"*" | ,"Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:cloudtrail:us-east-1:111122223333:trail/t"}}
            fixed aws:SourceAccount                   | false | "Principal":"*" | ,"Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}
            fixed aws:SourceOwner                     | false | "Principal":"*" | ,"Condition":{"StringEquals":{"aws:SourceOwner":"111122223333"}}
            fixed aws:PrincipalOrgID                  | false | "Principal":"*" | ,"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}
            fixed aws:PrincipalAccount                | false | "Principal":"*" | ,"Condition":{"StringEquals":{"aws:PrincipalAccount":["111122223333","444455556666"]}}
            fixed aws:PrincipalArn                    | false | "Principal":"*" | ,"Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/reader"}}
            wildcard aws:PrincipalArn                 | true  | "Principal":"*" | ,"Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/reader"}}
            fixed aws:userid                          | false | "Principal":"*" | ,"Condition":{"StringEquals":{"aws:userid":"AIDAEXAMPLE"}}
            aws:userid of any role session            | true  | "Principal":"*" | ,"Condition":{"StringLike":{"aws:userid":"AROAEXAMPLE:*"}}
            fixed s3:DataAccessPointAccount           | false | "Principal":"*" | ,"Condition":{"StringEquals":{"s3:DataAccessPointAccount":"111122223333"}}
            fixed KMS key id                          | false | "Principal":"*" | ,"Condition":{"StringEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"arn:aws:kms:us-east-1:111122223333:key/k"}}
            negated operator restricts nothing        | true  | "Principal":"*" | ,"Condition":{"StringNotEquals":{"aws:SourceVpc":"vpc-1"}}
            IfExists holds without the key            | true  | "Principal":"*" | ,"Condition":{"StringEqualsIfExists":{"aws:SourceVpc":"vpc-1"}}
            ForAllValues holds without the key        | true  | "Principal":"*" | ,"Condition":{"ForAllValues:StringEquals":{"aws:SourceVpc":"vpc-1"}}
            ForAnyValue needs the key                 | false | "Principal":"*" | ,"Condition":{"ForAnyValue:StringEquals":{"aws:SourceVpc":"vpc-1"}}
            a key that names nobody                   | true  | "Principal":"*" | ,"Condition":{"StringEquals":{"s3:prefix":"home/"}}
            a key that names nobody, with a fixed one | false | "Principal":"*" | ,"Condition":{"StringEquals":{"s3:prefix":"home/","aws:SourceVpc":"vpc-1"}}
            TLS only                                  | true  | "Principal":"*" | ,"Condition":{"Bool":{"aws:SecureTransport":"true"}}
            a /24 of addresses                        | false | "Principal":"*" | ,"Condition":{"IpAddress":{"aws:SourceIp":"192.0.2.0/24"}}
            one address                               | false | "Principal":"*" | ,"Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.7"}}
            a /8                                      | false | "Principal":"*" | ,"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}
            wider than a /8                           | true  | "Principal":"*" | ,"Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/1"}}
            every address                             | true  | "Principal":"*" | ,"Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","0.0.0.0/0"]}}
            an IPv6 /48                               | false | "Principal":"*" | ,"Condition":{"IpAddress":{"aws:SourceIp":"2001:db8:1234::/48"}}
            an IPv6 /16                               | true  | "Principal":"*" | ,"Condition":{"IpAddress":{"aws:SourceIp":"2001::/16"}}
            NotIpAddress restricts nothing            | true  | "Principal":"*" | ,"Condition":{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}
            """)
    void anAllowStatement(String shape, boolean expectedPublic, String principal, String condition) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"," + principal
                + ",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"" + (condition == null ? "" : condition)
                + "}]}";
        assertThat(PolicyPublicity.isPublic(PolicyDocument.parse(policy, PolicyKind.RESOURCE))).as(shape)
                .isEqualTo(expectedPublic);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a Deny to everyone is not a grant                 | false | {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}
            one public Allow among fixed ones makes it public | true  | {"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"},{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}
            only fixed Allows                                 | false | {"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}
            """)
    void aPolicy(String shape, boolean expectedPublic, String statements) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
        assertThat(PolicyPublicity.isPublic(PolicyDocument.parse(policy, PolicyKind.RESOURCE))).as(shape)
                .isEqualTo(expectedPublic);
    }
}
