using System.Globalization;
using Datawijs.Api.Features.Datasets;
using Datawijs.Data.Datasets;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;
using Datawijs.Domain.Datasets;

namespace Datawijs.Api.Tests;

/// <summary>The loader against a real SQLite file: any number of parts gives the matrix of one read.</summary>
public sealed class MatrixLoaderStorageTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<FeatureDefinition> Features =
    [
        new("housing", FeatureType.Categorical, FeatureRole.Clustering, Mutable: true, Values: ["rent", "own"]),
        new("income", FeatureType.Numeric, FeatureRole.Clustering, Mutable: true),
        new("age", FeatureType.Numeric, FeatureRole.Clustering, Mutable: false),
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "datawijs-loader-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [Fact]
    public async Task Loading_in_parts_gives_the_rows_and_values_of_one_read_across_gaps_in_the_row_numbers()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_directory);
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_directory, "test.db")}" };
        Assert.True(MigrationRunner.Run(options).Successful);
        var connections = new DbConnectionFactory(options);
        var (tenant, _) = await new TenantRepository(connections).EnsureAsync(new TenantRow { Id = Guid.CreateVersion7(), Slug = "lochem", Name = "Lochem", CreatedAt = T0 }, ct);
        var datasets = new DatasetRepository(connections, new PublishedProfileSetChanges());
        var dataset = new DatasetRow
        {
            Id = Guid.CreateVersion7(), TenantId = tenant.Id, Name = "Voedselbank", Purpose = "Ondersteuning afstemmen", Features = "[]",
            RetentionUntil = T0.AddYears(1), CreatedAt = T0, UpdatedAt = T0, SubjectIdKind = "other",
        };
        await datasets.AddAsync(dataset, ct);

        // Row numbers 5..304 with every seventh missing; one income a float cannot hold, in the middle.
        var expectedIncome = new List<double>();
        await using (var upload = await datasets.BeginUploadAsync(tenant.Id, dataset.Id, ct))
        {
            var stored = 0;
            for (var row = 5; row <= 304; row++)
            {
                if (row % 7 == 0)
                {
                    continue;
                }

                var income = row == 150 ? 1500.1 : row * 10.0;
                expectedIncome.Add(income);
                var cells = string.Join('\u001f', row % 3 == 0 ? "own" : "rent", income.ToString(CultureInfo.InvariantCulture), row % 11 == 0 ? "" : (20 + (row % 60)).ToString(CultureInfo.InvariantCulture));
                await upload.AddAsync(row, Pseudonym(row), cells, ct);
                stored++;
            }

            await upload.CommitAsync(stored, "{}", T0, ct);
        }

        var whole = (await MatrixLoader.LoadWithOutcomeAsync(Features, datasets, tenant.Id, dataset.Id, parts: 1, ct)).Matrix;
        Assert.Equal(expectedIncome.Count, whole.RowCount);
        Assert.Equal(expectedIncome, whole.Numeric(1).ToArray());
        Assert.False(whole.Numeric(1).IsSinglePrecision);
        foreach (var parts in new[] { 2, 3, 7, 300 })
        {
            var loaded = (await MatrixLoader.LoadWithOutcomeAsync(Features, datasets, tenant.Id, dataset.Id, parts, ct)).Matrix;
            Assert.Equal(whole.RowCount, loaded.RowCount);
            Assert.Equal(whole.Categorical(0).ToArray(), loaded.Categorical(0).ToArray());
            for (var f = 1; f < 3; f++)
            {
                Assert.Equal(whole.Numeric(f).IsSinglePrecision, loaded.Numeric(f).IsSinglePrecision);
                Assert.Equal(
                    whole.Numeric(f).ToArray().Select(BitConverter.DoubleToInt64Bits),
                    loaded.Numeric(f).ToArray().Select(BitConverter.DoubleToInt64Bits));
            }
        }

        Assert.Equal(0, (await MatrixLoader.LoadWithOutcomeAsync(Features, datasets, Guid.CreateVersion7(), dataset.Id, ct)).Matrix.RowCount);
    }

    private static string Pseudonym(int row) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(row)));
}
