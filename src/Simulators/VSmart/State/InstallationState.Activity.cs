namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Seeding at start and generated activity (bulk for benchmarks, a trickle in the background).</summary>
internal sealed partial class InstallationState
{
    private void Seed(VSmartSimulatorOptions options)
    {
        var operations = Math.Max(1, _libraries.Count * (options.BorrowersPerLibrary + options.CopiesPerLibrary + (2 * options.LoansPerLibrary)));
        var step = TimeSpan.FromDays(60) / operations;
        _seedClock = options.SeedTime - TimeSpan.FromDays(60);
        lock (_gate)
        {
            foreach (var library in _libraries.Values)
            {
                for (var i = 0; i < options.BorrowersPerLibrary; i++, _seedClock += step) AddBorrowerCore(library, null);
                for (var i = 0; i < options.CopiesPerLibrary; i++, _seedClock += step)
                {
                    var status = _faker.Random.WeightedRandom(
                        [VSmartCodes.ItemAvailable, VSmartCodes.ItemInTransit, VSmartCodes.ItemReference, VSmartCodes.ItemInProcess, VSmartCodes.ItemMissing],
                        [0.93f, 0.02f, 0.02f, 0.02f, 0.01f]);
                    AddCopyCore(library, PickOrNewTitle(), new CopyDraft { Status = status });
                }
            }
            foreach (var library in _libraries.Values)
            {
                for (var i = 0; i < options.LoansPerLibrary; i++, _seedClock += 2 * step) TryStartRandomLoan(library);
            }
        }
        _seedClock = null;
    }

    /// <summary>Produces exactly <paramref name="count"/> changes: about 10% borrower feed entries, 45% record changes
    /// (new copies, status changes) and 45% loan feed entries (each check-out or check-in also changes a record).</summary>
    public GeneratedChanges Generate(int count, string? libraryId)
    {
        lock (_gate)
        {
            var libraries = libraryId is null ? _libraries.Values.ToArray() : [Library(libraryId)];
            int borrowers = 0, records = 0, loans = 0;
            while (borrowers + records + loans < count)
            {
                var library = _faker.PickRandom(libraries);
                var roll = _faker.Random.Double();
                if (roll < 0.10)
                {
                    GenerateBorrowerChange(library);
                    borrowers++;
                }
                else if (roll < 0.55 || count - (borrowers + records + loans) < 2)
                {
                    GenerateRecordChange(library);
                    records++;
                }
                else if (library.OpenLoans.Count > 0 && _faker.Random.Bool(0.2f))
                {
                    var loan = _loans[library.OpenLoans.Pick(_faker.Random)];
                    if (loan.Renewals < MaxRenewals && Renew(loan.LibraryId, new PatronKey(Text(loan.BorrowerId), null), new ItemKey(Text(loan.ItemId), null)).Problem is null) loans++;
                    else
                    {
                        GenerateRecordChange(library);
                        records++;
                    }
                }
                else if (_faker.Random.Bool(0.55f) ? TryStartRandomLoan(library) : TryEndRandomLoan(library))
                {
                    loans++;
                    records++;
                }
                else
                {
                    GenerateRecordChange(library);
                    records++;
                }
            }
            return new GeneratedChanges(borrowers, records, loans);
        }
    }

    private SimTitle PickOrNewTitle()
        => _titleNumbers.Count > 0 && _faker.Random.Bool(0.35f) && _titles[_faker.PickRandom(_titleNumbers)] is { Deleted: false } existing
            ? existing
            : NewTitle(null, null, null, null, suppressed: false);

    private void GenerateBorrowerChange(LibraryState library)
    {
        if (library.Borrowers.Count > 0 && _faker.Random.Bool(0.4f))
        {
            var borrower = _borrowers[library.Borrowers.Pick(_faker.Random)];
            borrower.Street = _faker.Address.StreetName();
            borrower.HouseNumber = _faker.Random.Int(1, 240).ToString(System.Globalization.CultureInfo.InvariantCulture);
            borrower.City = _faker.Address.City();
            EmitBorrower(borrower, VSmartCodes.BorrowerChanged);
            return;
        }
        AddBorrowerCore(library, null);
    }

    private void GenerateRecordChange(LibraryState library)
    {
        if (library.Copies.Count == 0 || _faker.Random.Bool(0.15f))
        {
            AddCopyCore(library, PickOrNewTitle(), null);
            return;
        }
        var copy = _copies[library.Copies.Pick(_faker.Random)];
        copy.Status = copy.Status switch
        {
            VSmartCodes.ItemAvailable when copy.OpenLoanId is null => _faker.Random.Bool(0.8f) ? VSmartCodes.ItemInTransit : VSmartCodes.ItemMissing,
            VSmartCodes.ItemInTransit or VSmartCodes.ItemMissing or VSmartCodes.ItemInProcess => VSmartCodes.ItemAvailable,
            _ => copy.Status,
        };
        Touch(_titles[copy.TitleNumber], copy.BranchCode);
    }

    private bool TryStartRandomLoan(LibraryState library)
    {
        if (library.Copies.Count == 0 || library.Borrowers.Count == 0) return false;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var copy = _copies[library.Copies.Pick(_faker.Random)];
            var borrower = _borrowers[library.Borrowers.Pick(_faker.Random)];
            if (copy.OpenLoanId is not null || copy.Status is not (VSmartCodes.ItemAvailable or VSmartCodes.ItemInTransit)) continue;
            if (borrower.Status != VSmartCodes.BorrowerOk) continue;
            StartLoan(copy, borrower, null);
            return true;
        }
        return false;
    }

    private bool TryEndRandomLoan(LibraryState library)
    {
        if (library.OpenLoans.Count == 0) return false;
        EndLoan(_loans[library.OpenLoans.Pick(_faker.Random)]);
        return true;
    }
}
