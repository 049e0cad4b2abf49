/**
 * 张伟's completed dividend-option change: the demo of 我的申请 with a full timeline, and the
 * application the authorisation matrix probes with other people's tokens.
 */
export const DEMO_ENDORSEMENT_ID = 'EA20261125DEMO01';
