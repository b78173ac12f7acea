using Datawijs.Data.Clusterings;
using Datawijs.Data.Datasets;
using Datawijs.Data.AccessLog;
using Datawijs.Data.Assignments;
using Datawijs.Data.Idempotency;
using Datawijs.Data.Objections;
using Datawijs.Data.Infrastructure;
using Datawijs.Data.Organisations;
using Datawijs.Data.Scans;
using Datawijs.Data.ProfileSets;
using Datawijs.Data.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Datawijs.Data;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddDatawijsData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IDbConnectionFactory>(_ => new DbConnectionFactory(options));
        services.AddSingleton<TenantRepository>();
        services.AddSingleton<OrganisationRepository>();
        services.AddSingleton<ScanRepository>();
        services.AddSingleton<IdempotencyRepository>();
        services.AddSingleton<PublishedProfileSetChanges>();
        services.AddSingleton<DatasetRepository>();
        services.AddSingleton<ClusteringRepository>();
        services.AddSingleton<ProfileSetRepository>();
        services.AddSingleton<ProfileHistoryRepository>();
        services.AddSingleton<AccessLogRepository>();
        services.AddSingleton<AssignmentRepository>();
        services.AddSingleton<ObjectionRepository>();
        services.AddSingleton<Changes.ChangeCounterRepository>();
        return services;
    }
}
