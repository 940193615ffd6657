using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Infrastructure.Accounts;
using CommitmentTracker.Infrastructure.Audit;
using CommitmentTracker.Infrastructure.Evidence;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Infrastructure.Seeding;
using CommitmentTracker.Infrastructure.Synthetic;
using CommitmentTracker.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommitmentTracker.Infrastructure;

public static class DependencyInjection
{
    public const string SqliteMigrationsAssembly = "CommitmentTracker.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "CommitmentTracker.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "CommitmentTracker.Migrations.PostgreSql";

    /// <summary>
    /// Registers persistence for the configured provider. Throws at start-up with a clear message when
    /// Database:Provider is unknown or a server engine (SQL Server, PostgreSQL) has no connection string.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        DatabaseOptions options;
        try
        {
            options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder's own message names the setting and the value it could not convert.
            throw new StartupRefusedException(e.Message, e);
        }

        var settings = DatabaseSettings.From(options, configuration.GetConnectionString(DatabaseOptions.ConnectionStringName), environment.ContentRootPath, environment.IsDevelopment());

        services.AddSingleton(settings);
        // Cross-cutting writes (journal, webhook outbox) join each SaveChanges through interceptors, so they commit
        // in the same transaction as the change that caused them.
        services.AddSingleton<FeedHeadReuse>();
        services.AddDbContext<AppDbContext>((sp, db) =>
        {
            db.UseConfiguredProvider(settings).AddInterceptors(sp.GetServices<ISaveChangesInterceptor>());
            if (settings.FeedHeadReuse > TimeSpan.Zero || settings.FeedHeadNotifications)
            {
                db.AddInterceptors(new LocalWrites(sp.GetRequiredService<FeedHeadReuse>()));
            }
        });
        if (settings.FeedHeadNotifications)
        {
            services.AddHostedService<FeedHeadListener>();
        }

        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<Audit.BulkWrite>();
        services.AddScoped<ISaveChangesInterceptor, DomainEventInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, AuditInterceptor>();
        services.AddScoped<IChangeLog, ChangeLog>();
        services.Configure<EvidenceOptions>(configuration.GetSection(EvidenceOptions.Section));
        services.AddSingleton<IEvidenceStore>(new FileSystemEvidenceStore(FileSystemEvidenceStore.FolderFrom(configuration, environment.ContentRootPath)));
        services.AddAccounts(configuration);
        services.AddScoped<Seeder>();
        services.AddScoped<DatabaseInitialiser>();
        services.AddScoped<SyntheticDataGenerator>();
        services.AddWebhooks(configuration);
        var health = services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        if (settings.FeedHeadNotifications)
        {
            health.AddCheck<FeedHeadListenerHealth>("feed-notifications", tags: ["ready"]);
        }

        return services;
    }

    public static DbContextOptionsBuilder UseConfiguredProvider(this DbContextOptionsBuilder db, DatabaseSettings settings) =>
        settings.Provider switch
        {
            DatabaseProvider.SqlServer => db.UseSqlServer(settings.ConnectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).EnableRetryOnFailure()),
            DatabaseProvider.PostgreSql => db.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).EnableRetryOnFailure()),
            _ => db.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
        };
}
