using System;
using System.Buffers;

namespace RaspAnalyzers.Guards;

/// <summary>
/// A single-pass tokenizer for sh and cmd.exe command lines. It tracks quoting, so the same character is an
/// operator outside quotes and text inside them; every character is read a bounded number of times, and
/// malformed input (an unclosed quote or substitution) runs to the end of the line instead of failing.
/// </summary>
/// <remarks>
/// Glob characters, brace expansion and here-document bodies are read as text, and cmd.exe parentheses as text:
/// a value that only adds a glob or closes a cmd block is not reported.
/// </remarks>
public ref struct ShellTokenizer
{
    private static readonly SearchValues<char> SingleQuotedStops = SearchValues.Create("'");
    private static readonly SearchValues<char> DoubleQuotedStops = SearchValues.Create("\"$`\\");
    private static readonly SearchValues<char> PosixStops = SearchValues.Create(" \t\n\r;&|()<>'\"$`\\");
    private static readonly SearchValues<char> CmdQuotedStops = SearchValues.Create("\"%!\n\r");
    private static readonly SearchValues<char> CmdStops = SearchValues.Create(" \t\n\r&|<>\"^%!");
    private static readonly SearchValues<char> Blanks = SearchValues.Create(" \t");
    private static readonly SearchValues<char> PosixOperators = SearchValues.Create("\n\r;&|()");
    private static readonly SearchValues<char> CmdOperators = SearchValues.Create("\n\r&|");
    private static readonly SearchValues<char> Redirections = SearchValues.Create("<>&");

    private readonly ReadOnlySpan<char> _text;
    private readonly ShellDialect _dialect;
    private int _position;
    private bool _inDoubleQuotes;
    private bool _inSingleQuotes;
    private bool _expectCommandWord;
    private bool _inCommandWord;

    /// <summary>Starts tokenizing <paramref name="text"/> by the rules of <paramref name="dialect"/>.</summary>
    /// <param name="text">The command line.</param>
    /// <param name="dialect">The shell that will read it.</param>
    public ShellTokenizer(ReadOnlySpan<char> text, ShellDialect dialect)
    {
        _text = text;
        _dialect = dialect;
        _position = 0;
        _inDoubleQuotes = false;
        _inSingleQuotes = false;
        _expectCommandWord = true;
        _inCommandWord = false;
    }

    /// <summary>Reads the next token.</summary>
    /// <param name="token">The token read.</param>
    /// <returns>False at the end of the command line.</returns>
    public bool TryRead(out ShellToken token)
    {
        if (_position >= _text.Length)
        {
            token = default;
            return false;
        }

        int start = _position;
        ShellTokenKind kind = _dialect == ShellDialect.Cmd ? ReadCmd() : ReadPosix();
        if (kind is ShellTokenKind.Operator)
        {
            _expectCommandWord = true;
            _inCommandWord = false;
        }
        else if (kind is ShellTokenKind.Whitespace && _inCommandWord)
        {
            _inCommandWord = false;
        }
        else if (kind is ShellTokenKind.Text or ShellTokenKind.Quote or ShellTokenKind.Substitution or ShellTokenKind.Variable
                 && _expectCommandWord)
        {
            _expectCommandWord = false;
            _inCommandWord = true;
        }

        token = new ShellToken(kind, start, _position - start, _inCommandWord && kind != ShellTokenKind.Whitespace);
        return true;
    }

    private ShellTokenKind ReadPosix()
    {
        char c = _text[_position];
        if (_inSingleQuotes)
        {
            return c == '\'' ? CloseQuote(ref _inSingleQuotes) : ReadTextUntil(SingleQuotedStops);
        }

        if (_inDoubleQuotes)
        {
            return c switch
            {
                '"' => CloseQuote(ref _inDoubleQuotes),
                '$' or '`' => ReadDollarOrBacktick(),
                '\\' => ReadEscape(),
                _ => ReadTextUntil(DoubleQuotedStops),
            };
        }

        switch (c)
        {
            case ' ' or '\t':
                return ReadWhile(Blanks, ShellTokenKind.Whitespace);
            case '\n' or '\r' or ';' or '&' or '|' or '(' or ')':
                return ReadWhile(PosixOperators, ShellTokenKind.Operator);
            case '<' or '>':
                if (Peek(1) == '(')
                {
                    _position++;
                    return ReadParenthesized();
                }

                return ReadWhile(Redirections, ShellTokenKind.Redirection);
            case '\'':
                _inSingleQuotes = true;
                _position++;
                return ShellTokenKind.Quote;
            case '"':
                _inDoubleQuotes = true;
                _position++;
                return ShellTokenKind.Quote;
            case '$' or '`':
                return ReadDollarOrBacktick();
            case '\\':
                return ReadEscape();
            case '#' when IsWordStart():
                int newline = _text.Slice(_position).IndexOfAny('\n', '\r');
                _position = newline < 0 ? _text.Length : _position + newline;
                return ShellTokenKind.Comment;
            default:
                return ReadTextUntil(PosixStops);
        }
    }

    private ShellTokenKind ReadCmd()
    {
        char c = _text[_position];
        if (c == '%' || c == '!')
        {
            return ReadCmdVariable(c);
        }

        if (_inDoubleQuotes)
        {
            return c == '"' ? CloseQuote(ref _inDoubleQuotes) : ReadTextUntil(CmdQuotedStops);
        }

        switch (c)
        {
            case ' ' or '\t':
                return ReadWhile(Blanks, ShellTokenKind.Whitespace);
            case '\n' or '\r' or '&' or '|':
                return ReadWhile(CmdOperators, ShellTokenKind.Operator);
            case '<' or '>':
                return ReadWhile(Redirections, ShellTokenKind.Redirection);
            case '"':
                _inDoubleQuotes = true;
                _position++;
                return ShellTokenKind.Quote;
            case '^':
                _position = Math.Min(_position + 2, _text.Length);
                return ShellTokenKind.Text;
            default:
                return ReadTextUntil(CmdStops);
        }
    }

    private ShellTokenKind ReadCmdVariable(char marker)
    {
        // %NAME% and !NAME! expand; %1..%9 and %* are batch arguments; "%%" is a literal percent sign.
        char next = Peek(1);
        if (marker == '%' && (char.IsAsciiDigit(next) || next == '*'))
        {
            _position += 2;
            return ShellTokenKind.Variable;
        }

        int close = next == marker ? -1 : _text.Slice(_position + 1).IndexOfAny(marker, '\n');
        if (close > 0 && _text[_position + 1 + close] == marker)
        {
            _position += close + 2;
            return ShellTokenKind.Variable;
        }

        _position += next == marker ? 2 : 1;
        return ShellTokenKind.Text;
    }

    private ShellTokenKind ReadDollarOrBacktick()
    {
        char c = _text[_position];
        if (c == '`')
        {
            int close = _text.Slice(_position + 1).IndexOf('`');
            _position = close < 0 ? _text.Length : _position + close + 2;
            return ShellTokenKind.Substitution;
        }

        char next = Peek(1);
        if (next == '(')
        {
            _position++;
            return ReadParenthesized();
        }

        if (next == '{')
        {
            int close = _text.Slice(_position).IndexOf('}');
            _position = close < 0 ? _text.Length : _position + close + 1;
            return ShellTokenKind.Variable;
        }

        if (next == '\'' && !_inDoubleQuotes)
        {
            // ANSI-C quoting $'..' turns \x3b and friends into any character.
            _position++;
            return ShellTokenKind.Substitution;
        }

        if (char.IsAsciiLetterOrDigit(next) || next is '_' or '?' or '$' or '!' or '#' or '*' or '@' or '-')
        {
            _position += 2;
            if (char.IsAsciiLetter(next) || next == '_')
            {
                while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
                {
                    _position++;
                }
            }

            return ShellTokenKind.Variable;
        }

        _position++;
        return ShellTokenKind.Text;
    }

    private ShellTokenKind ReadParenthesized()
    {
        // At an opening parenthesis: skip to its match, counting depth; quotes inside are not tracked.
        int depth = 0;
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                break;
            }
        }

        return ShellTokenKind.Substitution;
    }

    private ShellTokenKind ReadEscape()
    {
        _position = Math.Min(_position + 2, _text.Length);
        return ShellTokenKind.Text;
    }

    private ShellTokenKind CloseQuote(ref bool state)
    {
        state = false;
        _position++;
        return ShellTokenKind.Quote;
    }

    private ShellTokenKind ReadTextUntil(SearchValues<char> stops)
    {
        int length = _text.Slice(_position).IndexOfAny(stops);
        _position = length < 0 ? _text.Length : _position + Math.Max(1, length);
        return ShellTokenKind.Text;
    }

    private ShellTokenKind ReadWhile(SearchValues<char> members, ShellTokenKind kind)
    {
        int length = _text.Slice(_position).IndexOfAnyExcept(members);
        _position = length < 0 ? _text.Length : _position + Math.Max(1, length);
        return kind;
    }

    private bool IsWordStart() =>
        _position == 0 || _text[_position - 1] is ' ' or '\t' or '\n' or '\r' or ';' or '&' or '|' or '(' or ')';

    private char Peek(int offset)
    {
        int index = _position + offset;
        return index < _text.Length ? _text[index] : '\0';
    }
}
