// One-key review (PRD-035): where a segment stands in review, and which decision it can take now.
export type ReviewDecisionKind = 'approve' | 'reject' | 'flag' | 'unflag';
export type ReviewState = 'unreviewed' | 'flagged' | 'approved' | 'rejected';

/** Segment statuses review works on: generated and checked by QA, or decided. */
export const reviewableStatuses = ['qa_pass', 'qa_fail', 'approved', 'rejected'] as const;

const statusWords: Record<string, string> = {
  qa_pass: 'passed QA',
  qa_fail: 'failed QA',
  approved: 'approved',
  rejected: 'rejected',
  pending: 'pending',
  generating: 'still generating',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** A segment status in words ("passed QA", "still generating"). */
export const segmentStatusWords = (status: string): string => statusWords[status] ?? status;

/** The review states partition the reviewable segments: a flag holds a segment whatever its status. */
export function reviewStateOf(status: string, flagged: boolean): ReviewState {
  if (flagged) return 'flagged';
  if (status === 'approved') return 'approved';
  if (status === 'rejected') return 'rejected';
  return 'unreviewed';
}

/**
 * Why a segment in this status (and flag) cannot take the decision, or null when it can. A flagged segment can be
 * approved or rejected whatever its status (that settles the flag); a rejected one can be rejected again only to
 * requeue it.
 */
export function decisionRefusal(
  decision: ReviewDecisionKind,
  segment: { status: string; flagged: boolean },
  regenerate = false,
): string | null {
  const { status, flagged } = segment;
  if (!(reviewableStatuses as readonly string[]).includes(status)) {
    return `This segment is ${segmentStatusWords(status)}; it can be reviewed once it is generated and checked by QA.`;
  }
  switch (decision) {
    case 'approve':
      return status === 'approved' && !flagged ? 'This segment is approved already.' : null;
    case 'reject':
      return status === 'rejected' && !flagged && !regenerate
        ? 'This segment is rejected already; reject it with regenerate to requeue it.'
        : null;
    case 'flag':
      return flagged ? 'This segment is flagged already.' : null;
    case 'unflag':
      return flagged ? null : 'This segment is not flagged.';
  }
}
