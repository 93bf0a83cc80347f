namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>One demo-seeded server for every test class that only reads or signs in; each test has its own user.</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartDemoAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DemoServerCollection : ICollectionFixture<DemoServerFixture>
{
    public const string Name = "demo server";
}

/// <summary>A fresh server per test that holds only the bootstrap admin, and that admin signed in.</summary>
public abstract class EmptyServerTests : IAsyncLifetime
{
    protected TestServer Server { get; private set; } = null!;

    protected CliUser Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartEmptyAsync();
        Admin = await Server.SignedInAdminAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
