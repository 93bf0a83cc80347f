using System.Globalization;
using System.Text;
using EDoc.Console.Shell;
using EDoc.Console.Texts;
using EDoc.Contracts.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace EDoc.Console.Inbox;

/// <summary>
/// A task's document card: metadata, registration number, content, the route so far; the task's decisions on the
/// number keys. A decision asks for confirmation (and for its comment or report) before it is sent; once the server
/// has taken it the card closes and the inbox, fed by the stream, no longer lists the task.
/// </summary>
public sealed class DocumentCardView : Screen
{
    private readonly ConsoleShell _shell;
    private readonly DocumentCardViewModel _model;
    private readonly TextPane _card = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(3) };
    private readonly Label _prompt = new() { X = 0, Y = Pos.AnchorEnd(3), Width = Dim.Fill() };
    private readonly TextField _input = new() { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Visible = false };
    private readonly Label _message = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
    private TaskDecision? _pending;

    public DocumentCardView(ConsoleShell shell, DocumentCardViewModel model) : base(shell.Texts)
    {
        _shell = shell;
        _model = model;
        Add(_card, _prompt, _input, _message);
        _input.Accepting += (_, e) =>
        {
            e.Handled = true;
            Confirming = ConfirmAsync();
        };
    }

    public override string TitleName => UiText.CardTitle;

    /// <summary>The decision being sent (or the last one), for whoever must wait for its outcome.</summary>
    public Task Confirming { get; private set; } = Task.CompletedTask;

    public override IReadOnlyList<ScreenKey> Keys =>
        // The decisions are on the card's own prompt line, so the status bar keeps room for the shell's keys.
        [.. _model.Decisions.Select((d, i) => new ScreenKey((i + 1).ToString(CultureInfo.InvariantCulture), d.Label, InStatusBar: false)),
            new("↑↓", UiText.KeyScroll)];

    public override IReadOnlyList<PaletteCommand> Commands =>
        [.. _model.Decisions.Select(d => new PaletteCommand(new LocalText(d.Label), () => Ask(d)))];

    public override void Shown() => _card.SetFocus();

    /// <summary>Reads the card from the server and shows it.</summary>
    public async Task LoadAsync()
    {
        await _model.LoadAsync(CancellationToken.None).ConfigureAwait(false);
        _shell.Post(ApplyTexts);
    }

    /// <summary>Asks to confirm <paramref name="decision"/> (with its comment or report, when it needs one).</summary>
    public void Ask(TaskDecision decision)
    {
        _pending = decision;
        _input.Text = "";
        _input.Visible = true;
        _input.SetFocus();
        ApplyTexts();
    }

    /// <summary>Sends the decision being confirmed.</summary>
    public async Task ConfirmAsync()
    {
        if (_pending is not { } decision) return;
        var done = await _model.DecideAsync(decision, _input.Text, CancellationToken.None).ConfigureAwait(false);
        _shell.Post(() =>
        {
            if (done) _shell.Back();
            else ApplyTexts();
        });
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_pending is not null)
        {
            if (key != Key.Esc) return false;
            _pending = null;
            _input.Visible = false;
            _card.SetFocus();
            ApplyTexts();
            return true;
        }
        var number = key.AsRune.Value - '1';
        if (number >= 0 && number < _model.Decisions.Count)
        {
            Ask(_model.Decisions[number]);
            return true;
        }
        return false;
    }

    public override void ApplyTexts()
    {
        _card.Show(CardText());
        _prompt.Text = _pending is { } decision
            ? Texts.Format(UiText.Confirm, Texts[decision.Label])
              + (decision.NeedsReport ? $" {Texts[UiText.Report]}:" : decision.NeedsComment ? $" {Texts[UiText.Comment]}:" : "")
            : string.Join("  ", _model.Decisions.Select((d, i) => $"{i + 1} {Texts[d.Label]}"));
        _message.Text = _model.Failure is { } failure ? Texts[failure] : "";
        SetNeedsDraw();
    }

    private string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.Incoming => Texts[UiText.KindIncoming],
        DocumentKind.Outgoing => Texts[UiText.KindOutgoing],
        DocumentKind.Internal => Texts[UiText.KindInternal],
        DocumentKind.CitizenAppeal => Texts[UiText.KindCitizenAppeal],
        DocumentKind.Order => Texts[UiText.KindOrder],
        _ => "",
    };

    private string CardText()
    {
        if (_model.Document is not { } document) return _model.Failure is { } failure ? Texts[failure] : "";
        var card = new StringBuilder();
        void Field(string name, string value) => card.Append(Texts[name]).Append(": ").AppendLine(value);
        Field(UiText.FieldTitle, document.Title);
        Field(UiText.FieldKind, KindName(document.Kind));
        Field(UiText.FieldNumber, document.RegistrationNumber.Length > 0 ? document.RegistrationNumber : Texts[UiText.NotRegistered]);
        if (document.RegistrationTime is { } registered) Field(UiText.FieldRegistered, Refusals.AlmatyTime(registered.ToDateTimeOffset()));
        if (document.Correspondent.Length > 0) Field(UiText.FieldCorrespondent, document.Correspondent);
        Field(UiText.FieldAuthor, document.AuthorId);
        if (document.DueDate.Length > 0) Field(UiText.FieldDue, document.DueDate);
        if (document.OnControl) Field(UiText.FieldControl, $"{document.ControllerId} {document.ControlDueDate}".Trim());
        card.AppendLine().Append(Texts[UiText.FieldContent]).AppendLine(":");
        card.AppendLine(document.ContentSha256.Length == 0 ? Texts[UiText.ContentNone]
            : _model.ContentText ?? Texts.Format(UiText.ContentNotText, document.Title, _model.ContentSize, document.ContentSha256));
        foreach (var attachment in document.Attachments)
            card.AppendLine(Texts.Format(UiText.ContentNotText, attachment.Name, attachment.Size, attachment.Sha256));
        card.AppendLine().Append(Texts[UiText.FieldRoute]).AppendLine(":");
        foreach (var step in (_model.Route?.Tasks ?? []).SelectMany(t => t.History).OrderBy(h => h.Time.ToDateTimeOffset()))
            card.AppendLine($"{Refusals.AlmatyTime(step.Time.ToDateTimeOffset())}  {step.ActorId}  {step.Type}"
                            + (step.OnBehalfOf.Length > 0 ? $" ({step.OnBehalfOf})" : "") + (step.Comment.Length > 0 ? $": {step.Comment}" : ""));
        return card.ToString();
    }
}
