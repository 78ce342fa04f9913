using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>Seeding at start and generated activity (bulk for the benchmark, a trickle in the background).</summary>
internal sealed partial class InstallationState
{
    private void Seed(WiseSimulatorOptions options)
    {
        var operations = Math.Max(1, _libraries.Count * (options.PatronsPerLibrary + options.ItemsPerLibrary + (2 * options.LoansPerLibrary)));
        var step = TimeSpan.FromDays(60) / operations;
        _seedClock = options.SeedTime - TimeSpan.FromDays(60);
        lock (_gate)
        {
            foreach (var library in _libraries.Values)
            {
                for (var i = 0; i < options.PatronsPerLibrary; i++, _seedClock += step) AddPatronCore(library, null);
                for (var i = 0; i < options.ItemsPerLibrary; i++, _seedClock += step)
                {
                    var status = _faker.Random.WeightedRandom(
                        [WiseCodes.ItemAvailable, WiseCodes.ItemInTransit, WiseCodes.ItemNotForLoan, WiseCodes.ItemInProcessing, WiseCodes.ItemMissing],
                        [0.93f, 0.02f, 0.02f, 0.02f, 0.01f]);
                    AddItemCore(library, new ItemDraft { Status = status });
                }
            }
            foreach (var library in _libraries.Values)
            {
                for (var i = 0; i < options.LoansPerLibrary; i++, _seedClock += 2 * step) TryStartRandomLoan(library);
            }
        }
        _seedClock = null;
    }

    /// <summary>Produces exactly <paramref name="count"/> change records (patron entries, item and loan mutations),
    /// roughly 10% patrons, 45% items, 45% loans.</summary>
    public GeneratedChanges Generate(int count, string? libraryId)
    {
        lock (_gate)
        {
            var libraries = libraryId is null ? _libraries.Values.ToArray() : [Library(libraryId)];
            var touched = new HashSet<long>();
            int patrons = 0, items = 0, loans = 0;
            while (patrons + items + loans < count)
            {
                var library = _faker.PickRandom(libraries);
                var remaining = count - (patrons + items + loans);
                var roll = _faker.Random.Double();
                if (roll < 0.10)
                {
                    GeneratePatronChange(library, touched);
                    patrons++;
                }
                else if (roll < 0.55 || remaining < 2)
                {
                    // One change in twenty renews an open loan (a loan mutation without an item change).
                    if (library.OpenLoans.Count > 0 && roll >= 0.50) { RenewLoan(library, _loans[library.OpenLoans.Pick(_faker.Random)]); loans++; }
                    else { GenerateItemChange(library); items++; }
                }
                else if (_faker.Random.Bool(0.55f) ? TryStartRandomLoan(library) : TryEndRandomLoan(library))
                {
                    loans++;
                    items++;
                }
                else
                {
                    GenerateItemChange(library);
                    items++;
                }
            }
            return new GeneratedChanges(patrons, items, loans);
        }
    }

    private void GeneratePatronChange(LibraryState library, HashSet<long> touched)
    {
        if (library.Patrons.Count > 0 && _faker.Random.Bool(0.4f))
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var patron = _patrons[library.Patrons.Pick(_faker.Random)];
                if (!touched.Add(patron.Id)) continue;
                patron.Street = _faker.Address.StreetName();
                patron.HouseNumber = _faker.Random.Int(1, 240).ToString(System.Globalization.CultureInfo.InvariantCulture);
                patron.City = _faker.Address.City();
                TouchPatron(library, patron);
                return;
            }
        }
        touched.Add(AddPatronCore(library, null).Id);
    }

    private void GenerateItemChange(LibraryState library)
    {
        if (library.Items.Count == 0 || _faker.Random.Bool(0.1f))
        {
            AddItemCore(library, null);
            return;
        }
        var item = _items[library.Items.Pick(_faker.Random)];
        WiseItemDto next = item.Current.Status switch
        {
            WiseCodes.ItemAvailable when _faker.Random.Bool(0.5f) => item.Current with { Status = WiseCodes.ItemInTransit },
            WiseCodes.ItemInTransit or WiseCodes.ItemInProcessing or WiseCodes.ItemMissing => item.Current with { Status = WiseCodes.ItemAvailable },
            _ => item.Current with { BranchId = library.RandomBranch(_faker.Random) },
        };
        EmitItem(library, item, next, WiseCodes.ItemChanged);
    }

    private bool TryStartRandomLoan(LibraryState library)
    {
        if (library.Items.Count == 0 || library.Patrons.Count == 0) return false;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var item = _items[library.Items.Pick(_faker.Random)];
            var patron = _patrons[library.Patrons.Pick(_faker.Random)];
            if (item.OpenLoanId is not null || item.Current.Status is not (WiseCodes.ItemAvailable or WiseCodes.ItemInTransit)) continue;
            if (patron.Status != WiseCodes.PatronActive) continue;
            StartLoan(library, item, patron, item.Current.BranchId, null);
            return true;
        }
        return false;
    }

    private bool TryEndRandomLoan(LibraryState library)
    {
        if (library.OpenLoans.Count == 0) return false;
        EndLoan(library, _loans[library.OpenLoans.Pick(_faker.Random)]);
        return true;
    }
}
