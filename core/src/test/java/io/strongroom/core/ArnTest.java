package io.strongroom.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArnTest {
    @Test
    void parsesAndFormatsKeepingColonsInTheResource() {
        Arn arn = Arn.parse("arn:aws:sts::111122223333:assumed-role/Analyst/s:1");
        assertThat(arn.service()).isEqualTo("sts");
        assertThat(arn.region()).isEmpty();
        assertThat(arn.accountId()).isEqualTo("111122223333");
        assertThat(arn.resource()).isEqualTo("assumed-role/Analyst/s:1");
        assertThat(arn).hasToString("arn:aws:sts::111122223333:assumed-role/Analyst/s:1");
    }

    @Test
    void rejectsTextThatIsNotAnArn() {
        assertThatThrownBy(() -> Arn.parse("arn:aws:iam")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Arn.parse("urn:aws:iam::1:user/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arn.isArn("*")).isFalse();
    }
}
