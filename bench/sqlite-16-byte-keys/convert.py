# Convert GUID TEXT columns of the 4 big tables in /tmp/keys-blob.db to 16-byte BLOBs (uuid.UUID(s).bytes, RFC/big-endian order).
import sqlite3, uuid, time, sys
DB = sys.argv[1] if len(sys.argv) > 1 else '/tmp/keys-blob.db'
GUIDCOLS = {
  'Commitments': ['Id', 'MeetingId', 'IssuerPartyId'],
  'StatusEntries': ['Id', 'CommitmentId'],
  'Responsibilities': ['Id', 'CommitmentId', 'PartyId'],
  'SourceSpans': ['Id', 'CommitmentId', 'DocumentId'],
}
con = sqlite3.connect(DB, isolation_level=None)
con.create_function('g2b', 1, lambda s: None if s is None else uuid.UUID(s).bytes, deterministic=True)
con.execute('PRAGMA foreign_keys=OFF')
con.execute('PRAGMA cache_size=-262144')
tabs = list(GUIDCOLS)
q = ','.join("'%s'" % t for t in tabs)
# save triggers that touch these tables (on them or referencing them) + secondary indexes
trig = con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND (tbl_name IN (%s) OR sql LIKE '%%Commitments%%')" % q).fetchall()
idx = con.execute("SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND tbl_name IN (%s)" % q).fetchall()
con.execute('BEGIN')
for n, _ in trig: con.execute('DROP TRIGGER "%s"' % n)
for n, _ in idx: con.execute('DROP INDEX "%s"' % n)
for t, gcols in GUIDCOLS.items():
    t0 = time.time()
    sql = con.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (t,)).fetchone()[0]
    assert sql.startswith('CREATE TABLE "%s" (' % t)
    con.execute(sql.replace('CREATE TABLE "%s" (' % t, 'CREATE TABLE "%s_new" (' % t, 1))
    cols = [r[1] for r in con.execute('PRAGMA table_info("%s")' % t)]
    sel = ','.join(('g2b("%s")' % c) if c in gcols else '"%s"' % c for c in cols)
    collist = ','.join('"%s"' % c for c in cols)
    con.execute('INSERT INTO "%s_new"(rowid,%s) SELECT rowid,%s FROM "%s" ORDER BY rowid' % (t, collist, sel, t))
    con.execute('DROP TABLE "%s"' % t)
    con.execute('ALTER TABLE "%s_new" RENAME TO "%s"' % (t, t))
    print(t, 'converted in %.1fs' % (time.time() - t0), flush=True)
for n, s in idx: con.execute(s)
for n, s in trig: con.execute(s)
con.execute('COMMIT')
print('check', con.execute('PRAGMA integrity_check').fetchone(), flush=True)
con.execute('VACUUM')
con.execute('PRAGMA wal_checkpoint(TRUNCATE)')
print('done')
