package io.sluice.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionTrackerTest {

  @Test
  void commitOffset_staysAtTheFirstUnackedRecord() {
    PartitionTracker tracker = new PartitionTracker(5);

    tracker.ack(6);
    tracker.ack(7);

    assertThat(tracker.commitOffset()).isEqualTo(5);
    assertThat(tracker.isAcked(6)).isTrue();
    assertThat(tracker.isAcked(5)).isFalse();
  }

  @Test
  void ackingTheGap_movesTheCommitPastEveryContiguousAck() {
    PartitionTracker tracker = new PartitionTracker(5);
    tracker.ack(6);
    tracker.ack(7);

    boolean moved = tracker.ack(5);

    assertThat(moved).isTrue();
    assertThat(tracker.commitOffset()).isEqualTo(8);
  }

  @Test
  void commitOffset_inAnyAckOrder_equalsTheFirstOffsetNotAcked() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<Long> offsets = new ArrayList<>();
      for (long o = 0; o < 30; o++) {
        offsets.add(o);
      }
      Collections.shuffle(offsets, random);
      List<Long> acked = offsets.subList(0, random.nextInt(31));
      PartitionTracker tracker = new PartitionTracker(0);
      acked.forEach(tracker::ack);
      long expected = 0;
      while (acked.contains(expected)) {
        expected++;
      }
      assertThat(tracker.commitOffset()).isEqualTo(expected);
    }
  }

  @Test
  void deliveryCount_ofTheCommittedRecord_isSeededAndContinued() {
    PartitionTracker tracker = new PartitionTracker(3);
    tracker.seed(3, CommitMetadata.deliveries(CommitMetadata.of(2)));

    assertThat(tracker.delivered(3)).isEqualTo(3);
    assertThat(tracker.deliveriesOfBase()).isEqualTo(3);
    assertThat(tracker.delivered(4)).isEqualTo(1);
  }

  @Test
  void ackBelowTheCommit_orTwice_changesNothing() {
    PartitionTracker tracker = new PartitionTracker(10);
    tracker.ack(10);

    assertThat(tracker.ack(10)).isFalse();
    assertThat(tracker.ack(4)).isFalse();
    assertThat(tracker.commitOffset()).isEqualTo(11);
  }
}
