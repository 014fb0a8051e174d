package io.strongroom.protocol.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WholeListPagingTest {
    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e");

    @Test
    void walksTheWholeListPageByPage() {
        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        int pages = 0;
        do {
            Page<String> page = WholeListPaging.page(LETTERS, new PageRequest(marker, Optional.of(2)));
            seen.addAll(page.items());
            marker = page.marker();
            pages++;
        } while (marker.isPresent());
        assertThat(seen).isEqualTo(LETTERS);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aPageThatReachesTheEndIsNotTruncated() {
        Page<String> page = WholeListPaging.page(LETTERS, new PageRequest(Optional.empty(), Optional.of(5)));
        assertThat(page.items()).isEqualTo(LETTERS);
        assertThat(page.truncated()).isFalse();
    }

    @Test
    void aWindowCutsEachPartOfAConcatenatedListing() {
        WholeListPaging.Window window = WholeListPaging.window(5, new PageRequest(Optional.empty(), Optional.of(3)));
        Page<String> next = WholeListPaging.page(LETTERS, new PageRequest(window.marker(), Optional.of(3)));
        // parts [a, b] at 0 and [c, d, e] at 2: the first page takes a, b, c
        assertThat(window.of(List.of("a", "b"), 0)).containsExactly("a", "b");
        assertThat(window.of(List.of("c", "d", "e"), 2)).containsExactly("c");
        assertThat(next.items()).containsExactly("d", "e");
    }

    @Test
    void aMarkerThatIsNotOursIsAValidationError() {
        for (String marker : List.of("not-a-marker", "bmV4dDotMQ", "Zm9vOjE", "bmV4dDo5OQ")) { // junk, next:-1, foo:1, next:99
            assertThatThrownBy(() -> WholeListPaging.page(LETTERS, new PageRequest(Optional.of(marker), Optional.empty())))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("ValidationError");
                        assertThat(e.httpStatus()).isEqualTo(400);
                    });
        }
    }
}
