using Flux.OpsCenter.Data.Grid;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// The loads of one component: every <see cref="PanelLoad{TKey, TValue}"/> it starts is linked to this scope, which is
/// cancelled when the component goes away; unexpected failures go to the component's error boundary. Each load
/// re-renders the component when it lands, so a page starts all loads for a new key in one step (<c>Task.WhenAll</c>):
/// each clears its panel at once, and no render shows one panel's new key beside another's old one.
/// </summary>
public sealed class PanelScope : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Func<Exception, Task> _dispatchException;
    private readonly Action _changed;
    private bool _disposed;

    /// <summary>A scope whose loads fail with <paramref name="clock"/>'s time and re-render through <paramref name="changed"/>.</summary>
    public PanelScope(TimeProvider clock, Func<Exception, Task> dispatchException, Action changed)
    {
        Clock = clock;
        _dispatchException = dispatchException;
        _changed = changed;
        Token = _lifetime.Token;
    }

    /// <summary>The clock that dates a failure, for "stale since".</summary>
    public TimeProvider Clock { get; }

    /// <summary>Cancelled when the component is disposed.</summary>
    public CancellationToken Token { get; }

    /// <summary>Loads <paramref name="key"/> into <paramref name="panel"/>; see <see cref="PanelLoad{TKey, TValue}"/>.</summary>
    public Task<bool> LoadAsync<TKey, TValue>(PanelLoad<TKey, TValue> panel, TKey key, Func<TKey, CancellationToken, Task<TValue>> load)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return panel.LoadAsync(key, load, this);
    }

    /// <summary>Loads data that depends on nothing (a fixed query): every load is a refresh of the same key.</summary>
    public Task<bool> LoadAsync<TValue>(PanelLoad<string, TValue> panel, Func<CancellationToken, Task<TValue>> load)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(load);
        return panel.LoadAsync("", (_, cancellationToken) => load(cancellationToken), this);
    }

    /// <summary>
    /// Loads a drill-down page's subject (the feeder, the substation of the route); a subject that does not exist sends
    /// the browser to the not-found page. Start it together with the page's other loads for the same id.
    /// </summary>
    public async Task LoadSubjectAsync<TValue>(PanelLoad<string, TValue?> subject, string id, Func<string, CancellationToken, Task<TValue?>> load,
        NavigationManager navigation)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(navigation);
        if (await LoadAsync(subject, id, load) && subject.State == PanelState.Ready && subject.Value is null)
        {
            navigation.NotFound();
        }
    }

    /// <summary>Loads one page of a server-paged grid: the grid shows the rows, the panel around it the state.</summary>
    public async Task<GridData<T>> LoadGridPageAsync<TKey, T>(PanelLoad<TKey, ListPage<T>> page, TKey key, Func<TKey, CancellationToken, Task<ListPage<T>>> load)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.LoadAsync(key, load, this, renderValue: false);
        return page.Value is { } rows
            ? new GridData<T> { Items = rows.Rows, TotalItems = (int)Math.Min(rows.TotalRows, int.MaxValue) }
            : new GridData<T> { Items = [], TotalItems = 0 };
    }

    internal Task DispatchAsync(Exception exception) => _dispatchException(exception);

    internal void Changed()
    {
        if (!_disposed)
        {
            _changed();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _lifetime.Cancel();
        _lifetime.Dispose();
    }
}
