using System.Diagnostics;
using System.Globalization;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Storage;
using Microsoft.Data.Sqlite;

namespace Lsb.Hub.CustomerView.Bench;

/// <summary>
/// Loads the benchmark's data straight into the hub's tables (not through ingest: that is measured by bench/Hub.Bench):
/// 160 libraries in 45 installations; persons with one membership, or two (10%, same card number and birth date in two
/// libraries) up to the member count; their person links; an integral-view opt-in for 30% of persons; 1,000,000
/// copies; and loans spread evenly over the memberships (one current, the rest history; 20% e-book loans; nine in ten
/// physical loans from the member's own library).
/// </summary>
public static class BulkLoader
{
    private static readonly string[] Given = ["Anna", "Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Finn", "Tess", "Noah", "Sara", "Levi"];
    private static readonly string[] Family = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer"];
    private static readonly string[] Titles = [.. Enumerable.Range(1, 2000).Select(i => $"Titel {i:D4}")];

    public static async Task LoadAsync(string stateConnectionString, int memberCount, long loanCount)
    {
        var random = new Random(8);
        var now = DateTimeOffset.UtcNow;
        var stamp = now.ToString("O", CultureInfo.InvariantCulture);
        await using var connection = new SqliteConnection(stateConnectionString);
        await connection.OpenAsync();
        await ExecAsync(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000; PRAGMA temp_store=MEMORY;");
        var clock = Stopwatch.StartNew();

        var libraries = Enumerable.Range(0, 160).Select(i => (Isil: $"NL-08{1000 + i:D4}0000", Installation: $"bench-ils-{i % 45:D2}")).ToArray();
        await using (var tx = connection.BeginTransaction())
        {
            await using var batch = new RowBatch(connection, tx, "INSERT INTO libraries (isil, installation_id, vendor_library_id, name) VALUES (@i, @n, @v, @name)", "i", "n", "v", "name");
            foreach (var (isil, installation) in libraries) await batch.AddAsync([isil, installation, isil[5..9], $"Bibliotheek {isil[5..9]}"], default);
            await tx.CommitAsync();
        }

        var holdings = new (string Id, string Isil, string Title)[1_000_000];
        await InChunksAsync(connection, holdings.Length, 200_000,
            "INSERT INTO holdings (id, isil, installation_id, barcode, isbn, title, author, material_type, status, ibl_lendable, withdrawn, source_version, content_hash, updated_at) " +
            "VALUES (@id, @isil, @inst, @barcode, NULL, @title, NULL, 'Book', 'OnLoan', 1, 0, 1, 0, @at)",
            ["id", "isil", "inst", "barcode", "title", "at"], async (batch, i) =>
            {
                var library = libraries[random.Next(libraries.Length)];
                holdings[i] = (HoldingId.New().ToString(), library.Isil, Titles[random.Next(Titles.Length)]);
                await batch.AddAsync([holdings[i].Id, library.Isil, library.Installation, $"3{i:D13}", holdings[i].Title, stamp], default);
            });
        Console.WriteLine($"  {holdings.Length:N0} copies in {clock.Elapsed.TotalSeconds:F0} s");
        var copiesOf = holdings.Select((h, i) => (h.Isil, i)).GroupBy(x => x.Isil, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);

        const string MemberSql =
            "INSERT INTO members (id, home_isil, installation_id, card_number, national_user_id, given_name, family_name, birth_date, street, house_number, " +
            "postcode, city, email, category, status, expires_on, registered_on, removed, source_version, content_hash, updated_at) VALUES (@id, @isil, @inst, " +
            "@card, NULL, @given, @family, @birth, 'Dorpsstraat', @house, @postcode, 'Lindendal', NULL, 'Adult', 'Active', NULL, NULL, 0, 1, 0, @at)";
        const string LoanSql =
            "INSERT INTO loans (id, kind, member_id, holding_id, isil, installation_id, ebook_isbn, title, started_at, due_at, ended_at, renewals, source_version, " +
            "content_hash, updated_at, external_key) VALUES (@id, @kind, @member, @holding, @isil, @inst, @isbn, @title, @started, @due, @ended, 0, 1, 0, @at, @key)";
        var loansPerMember = loanCount / memberCount;
        var extra = loanCount % memberCount;
        long loans = 0;
        var members = 0;
        var person = 0L;
        while (members < memberCount)
        {
            await using var tx = connection.BeginTransaction();
            await using var memberBatch = new RowBatch(connection, tx, MemberSql, "id", "isil", "inst", "card", "given", "family", "birth", "house", "postcode", "at");
            await using var linkBatch = new RowBatch(connection, tx, "INSERT INTO member_persons (member_id, person_id, linked_by, linked_at) VALUES (@m, @p, @r, @at)", "m", "p", "r", "at");
            await using var consentBatch = new RowBatch(connection, tx,
                "INSERT INTO consents (member_id, purpose, granted, decided_at, recorded_at, recorded_by, staff_reference, source) VALUES (@m, 'integral-view', 1, @at, @at, 'bench', NULL, 'api')", "m", "at");
            await using var loanBatch = new RowBatch(connection, tx, LoanSql,
                "id", "kind", "member", "holding", "isil", "inst", "isbn", "title", "started", "due", "ended", "at", "key");
            var until = Math.Min(memberCount, members + 20_000);
            while (members < until)
            {
                person++;
                var memberships = random.NextDouble() < 0.1 && members + 1 < memberCount ? 2 : 1;
                var personId = PersonId.New().ToString();
                var card = $"29{person:D11}";
                var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(25_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var given = Given[random.Next(Given.Length)];
                var family = Family[random.Next(Family.Length)];
                var consent = random.NextDouble() < 0.3;
                var first = random.Next(libraries.Length);
                for (var m = 0; m < memberships; m++)
                {
                    var library = libraries[(first + m * 37) % libraries.Length];
                    var memberId = MemberId.New().ToString();
                    await memberBatch.AddAsync([memberId, library.Isil, library.Installation, card, given, family, birth,
                        random.Next(1, 200).ToString(CultureInfo.InvariantCulture), $"{random.Next(1000, 9999)} AB", stamp], default);
                    await linkBatch.AddAsync([memberId, personId, memberships == 1 ? "own" : "card-number", stamp], default);
                    if (consent && m == 0) await consentBatch.AddAsync([memberId, stamp], default);
                    var count = loansPerMember + (members < extra ? 1 : 0);
                    for (var l = 0; l < count; l++)
                    {
                        var started = now.AddDays(-random.Next(1, 400)).AddMinutes(-random.Next(1440));
                        var current = l == 0;
                        var ended = current ? (DateTimeOffset?)null : started.AddDays(random.Next(1, 28));
                        if (random.NextDouble() < 0.2)
                        {
                            await loanBatch.AddAsync([LoanId.New().ToString(), "Digital", memberId, null, library.Isil, null, "9789023466123",
                                Titles[random.Next(Titles.Length)], Iso(started), Iso(started.AddDays(21)), ended is { } e ? Iso(e) : null, stamp,
                                Guid.NewGuid().ToString("N")], default);
                        }
                        else
                        {
                            // Nine in ten physical loans are of the member's own library's copies.
                            var own = copiesOf[library.Isil];
                            var copy = random.NextDouble() < 0.9 ? holdings[own[random.Next(own.Length)]] : holdings[random.Next(holdings.Length)];
                            await loanBatch.AddAsync([LoanId.New().ToString(), "Physical", memberId, copy.Id, copy.Isil, library.Installation, null, copy.Title,
                                Iso(started), Iso(started.AddDays(21)), ended is { } e ? Iso(e) : null, stamp, null], default);
                        }
                        loans++;
                    }
                    members++;
                }
            }
            await tx.CommitAsync();
            if (members % 100_000 < 20_000)
                Console.WriteLine($"  {members:N0} members, {loans:N0} loans after {clock.Elapsed.TotalSeconds:F0} s");
        }
        await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"  loaded {members:N0} members ({person:N0} persons), {loans:N0} loans, {holdings.Length:N0} copies in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task InChunksAsync(SqliteConnection connection, int count, int chunk, string sql, string[] parameters, Func<RowBatch, int, Task> add)
    {
        for (var start = 0; start < count; start += chunk)
        {
            await using var tx = connection.BeginTransaction();
            await using (var batch = new RowBatch(connection, tx, sql, parameters))
            {
                for (var i = start; i < Math.Min(count, start + chunk); i++) await add(batch, i);
            }
            await tx.CommitAsync();
        }
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
