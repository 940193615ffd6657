PRAGMA cache_size=-8192; PRAGMA temp_store=MEMORY;
.timer on
BEGIN;
.print IX_Commitments_Code
CREATE UNIQUE INDEX "IX_Commitments_Code" ON "Commitments" ("Code");
.print IX_Commitments_CurrentStatus_DueLatest
CREATE INDEX "IX_Commitments_CurrentStatus_DueLatest" ON "Commitments" ("CurrentStatus", "DueLatest");
.print IX_Commitments_CurrentStatus_Kind_Code
CREATE INDEX "IX_Commitments_CurrentStatus_Kind_Code" ON "Commitments" ("CurrentStatus", "Kind", "Code");
.print IX_Commitments_DueLatest_Code_CurrentStatus
CREATE INDEX "IX_Commitments_DueLatest_Code_CurrentStatus" ON "Commitments" ("DueLatest", "Code", "CurrentStatus");
.print IX_Commitments_DueLatest_CurrentStatus
CREATE INDEX "IX_Commitments_DueLatest_CurrentStatus" ON "Commitments" ("DueLatest", "CurrentStatus");
.print IX_Commitments_DueLatest_Descending_Code
CREATE INDEX "IX_Commitments_DueLatest_Descending_Code" ON "Commitments" ("DueLatest" DESC, "Code");
.print IX_Commitments_IssuerPartyId
CREATE INDEX "IX_Commitments_IssuerPartyId" ON "Commitments" ("IssuerPartyId");
.print IX_Commitments_Kind
CREATE INDEX "IX_Commitments_Kind" ON "Commitments" ("Kind");
.print IX_Commitments_MeetingId
CREATE INDEX "IX_Commitments_MeetingId" ON "Commitments" ("MeetingId");
.print IX_Commitments_Owner_Code
CREATE INDEX "IX_Commitments_Owner_Code" ON "Commitments" ("Owner", "Code");
.print IX_Commitments_UpdatedAt
CREATE INDEX "IX_Commitments_UpdatedAt" ON "Commitments" ("UpdatedAt");
.print IX_Responsibilities_CommitmentId
CREATE INDEX "IX_Responsibilities_CommitmentId" ON "Responsibilities" ("CommitmentId");
.print IX_Responsibilities_PartyId_CommitmentId
CREATE INDEX "IX_Responsibilities_PartyId_CommitmentId" ON "Responsibilities" ("PartyId", "CommitmentId");
.print IX_SourceSpans_CommitmentId
CREATE INDEX "IX_SourceSpans_CommitmentId" ON "SourceSpans" ("CommitmentId");
.print IX_SourceSpans_DocumentId
CREATE INDEX "IX_SourceSpans_DocumentId" ON "SourceSpans" ("DocumentId");
.print IX_StatusEntries_CommitmentId_EffectiveOn_Sequence_Status
CREATE INDEX "IX_StatusEntries_CommitmentId_EffectiveOn_Sequence_Status" ON "StatusEntries" ("CommitmentId", "EffectiveOn", "Sequence", "Status");
.print IX_StatusEntries_CommitmentId_Sequence
CREATE UNIQUE INDEX "IX_StatusEntries_CommitmentId_Sequence" ON "StatusEntries" ("CommitmentId", "Sequence");
.print COMMIT
COMMIT;
.timer off
PRAGMA wal_checkpoint(TRUNCATE);
