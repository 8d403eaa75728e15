using System;

namespace RaspAnalyzers.Guards;

/// <summary>
/// A single-pass SQL tokenizer for the four dialects. Every character is looked at a bounded number of times, so a
/// statement of any size, finished or not, is tokenized in linear time; malformed input yields unterminated or
/// <see cref="SqlTokenKind.Other"/> tokens, never an exception. Whitespace is skipped.
/// </summary>
public ref struct SqlTokenizer
{
    private readonly ReadOnlySpan<char> _text;
    private readonly SqlDialect _dialect;
    private int _position;

    /// <summary>Starts tokenizing <paramref name="text"/> in <paramref name="dialect"/>.</summary>
    /// <param name="text">The statement.</param>
    /// <param name="dialect">Its dialect.</param>
    public SqlTokenizer(ReadOnlySpan<char> text, SqlDialect dialect)
    {
        _text = text;
        _dialect = dialect;
        _position = 0;
    }

    /// <summary>Reads the next token.</summary>
    /// <param name="token">The token read.</param>
    /// <returns>False at the end of the statement.</returns>
    public bool TryRead(out SqlToken token)
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }

        if (_position >= _text.Length)
        {
            token = default;
            return false;
        }

        int start = _position;
        SqlTokenKind kind = ReadToken(out bool unterminated);
        token = new SqlToken(kind, start, _position - start, unterminated);
        return true;
    }

    private SqlTokenKind ReadToken(out bool unterminated)
    {
        unterminated = false;
        char c = _text[_position];
        char next = Peek(1);

        // Most tokens are words; take them first unless a letter prefixes a string (N'..', E'..', U&'..').
        if (char.IsAsciiLetter(c) && next != '\'' && next != '&')
        {
            _position++;
            while (_position < _text.Length && IsWordPart(_text[_position]))
            {
                _position++;
            }

            return SqlTokenKind.Word;
        }

        if (c == '-' && next == '-' && IsLineCommentStart())
        {
            SkipToEndOfLine();
            return SqlTokenKind.Comment;
        }

        if (c == '#' && _dialect == SqlDialect.MySql)
        {
            SkipToEndOfLine();
            return SqlTokenKind.Comment;
        }

        if (c == '/' && next == '*')
        {
            unterminated = !SkipBlockComment();
            return SqlTokenKind.Comment;
        }

        if (c == '\'')
        {
            unterminated = !SkipQuoted('\'', backslashEscapes: _dialect == SqlDialect.MySql);
            return SqlTokenKind.String;
        }

        if (c == '"')
        {
            // MySQL reads "..." as a string unless ANSI_QUOTES is set; the others read it as an identifier.
            bool mySql = _dialect == SqlDialect.MySql;
            unterminated = !SkipQuoted('"', backslashEscapes: mySql);
            return mySql ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier;
        }

        if (c == '[' && (_dialect == SqlDialect.SqlServer || _dialect == SqlDialect.Sqlite))
        {
            unterminated = !SkipQuoted(']', backslashEscapes: false);
            return SqlTokenKind.QuotedIdentifier;
        }

        if (c == '`' && (_dialect == SqlDialect.MySql || _dialect == SqlDialect.Sqlite))
        {
            unterminated = !SkipQuoted('`', backslashEscapes: false);
            return SqlTokenKind.QuotedIdentifier;
        }

        if (TryReadPrefixedString(out unterminated))
        {
            return SqlTokenKind.String;
        }

        if (c == '$' && _dialect == SqlDialect.PostgreSql && TryReadDollarQuoted(out unterminated))
        {
            return SqlTokenKind.String;
        }

        if (TryReadParameter(c, next))
        {
            return SqlTokenKind.Parameter;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)))
        {
            ReadNumber();
            return SqlTokenKind.Number;
        }

        if (IsWordStart(c))
        {
            _position++;
            while (_position < _text.Length && IsWordPart(_text[_position]))
            {
                _position++;
            }

            return SqlTokenKind.Word;
        }

        _position++;
        switch (c)
        {
            case ',':
                return SqlTokenKind.Comma;
            case '.':
                return SqlTokenKind.Dot;
            case '(':
                return SqlTokenKind.OpenParen;
            case ')':
                return SqlTokenKind.CloseParen;
            case ';':
                return SqlTokenKind.Semicolon;
        }

        if (!IsOperatorChar(c))
        {
            return SqlTokenKind.Other;
        }

        // An operator run stops before a comment opener so that "=1--" still shows its comment.
        while (_position < _text.Length && IsOperatorChar(_text[_position]) && !StartsComment(_position))
        {
            _position++;
        }

        return SqlTokenKind.Operator;
    }

    private char Peek(int offset)
    {
        int index = _position + offset;
        return index < _text.Length ? _text[index] : '\0';
    }

    private bool IsLineCommentStart()
    {
        // MySQL needs white space or a control character after "--"; "1--1" is arithmetic there.
        if (_dialect != SqlDialect.MySql)
        {
            return true;
        }

        int after = _position + 2;
        return after >= _text.Length || _text[after] <= ' ';
    }

    private bool StartsComment(int index)
    {
        char c = _text[index];
        char next = index + 1 < _text.Length ? _text[index + 1] : '\0';
        if (c == '/' && next == '*')
        {
            return true;
        }

        if (c != '-' || next != '-')
        {
            return false;
        }

        return _dialect != SqlDialect.MySql || index + 2 >= _text.Length || _text[index + 2] <= ' ';
    }

    private void SkipToEndOfLine()
    {
        int newline = _text.Slice(_position).IndexOf('\n');
        _position = newline < 0 ? _text.Length : _position + newline;
    }

    private bool SkipBlockComment()
    {
        // SQL Server and PostgreSQL nest block comments; SQLite and MySQL end at the first "*/".
        bool nests = _dialect == SqlDialect.SqlServer || _dialect == SqlDialect.PostgreSql;
        int depth = 0;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            char next = Peek(1);
            if (c == '/' && next == '*')
            {
                depth = nests || depth == 0 ? depth + 1 : depth;
                _position += 2;
            }
            else if (c == '*' && next == '/')
            {
                _position += 2;
                if (--depth == 0)
                {
                    return true;
                }
            }
            else
            {
                _position++;
            }
        }

        return false;
    }

    private bool SkipQuoted(char close, bool backslashEscapes)
    {
        _position++;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (backslashEscapes && c == '\\')
            {
                _position = Math.Min(_position + 2, _text.Length);
                continue;
            }

            _position++;
            if (c != close)
            {
                continue;
            }

            if (_position < _text.Length && _text[_position] == close)
            {
                _position++;
                continue;
            }

            return true;
        }

        return false;
    }

    private bool TryReadPrefixedString(out bool unterminated)
    {
        unterminated = false;
        char c = char.ToUpperInvariant(_text[_position]);
        int quote = -1;
        bool backslashEscapes = _dialect == SqlDialect.MySql;

        if ((c == 'N' || c == 'X' || c == 'B') && Peek(1) == '\'')
        {
            quote = _position + 1;
        }
        else if (c == 'E' && _dialect == SqlDialect.PostgreSql && Peek(1) == '\'')
        {
            quote = _position + 1;
            backslashEscapes = true;
        }
        else if (c == 'U' && _dialect == SqlDialect.PostgreSql && Peek(1) == '&' && Peek(2) == '\'')
        {
            quote = _position + 2;
        }
        else if (_text[_position] == '_' && _dialect == SqlDialect.MySql)
        {
            // A character-set introducer such as _utf8mb4'text'.
            int i = _position + 1;
            while (i < _text.Length && char.IsAsciiLetterOrDigit(_text[i]))
            {
                i++;
            }

            if (i > _position + 1 && i < _text.Length && _text[i] == '\'')
            {
                quote = i;
            }
        }

        if (quote < 0)
        {
            return false;
        }

        _position = quote;
        unterminated = !SkipQuoted('\'', backslashEscapes);
        return true;
    }

    private bool TryReadDollarQuoted(out bool unterminated)
    {
        unterminated = false;
        int i = _position + 1;
        while (i < _text.Length && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] == '_'))
        {
            i++;
        }

        if (i >= _text.Length || _text[i] != '$' || (i > _position + 1 && char.IsAsciiDigit(_text[_position + 1])))
        {
            return false;
        }

        ReadOnlySpan<char> tag = _text.Slice(_position, i - _position + 1);
        int bodyStart = i + 1;
        int close = _text.Slice(bodyStart).IndexOf(tag);
        if (close < 0)
        {
            _position = _text.Length;
            unterminated = true;
            return true;
        }

        _position = bodyStart + close + tag.Length;
        return true;
    }

    private bool TryReadParameter(char c, char next)
    {
        bool isParameter = c switch
        {
            '@' => _dialect != SqlDialect.PostgreSql && (IsWordStart(next) || next == '@'),
            ':' => _dialect == SqlDialect.Sqlite && IsWordStart(next),
            '$' => (_dialect == SqlDialect.PostgreSql && char.IsAsciiDigit(next))
                || (_dialect == SqlDialect.Sqlite && IsWordStart(next)),
            '?' => _dialect != SqlDialect.PostgreSql,
            _ => false,
        };

        if (!isParameter)
        {
            return false;
        }

        _position++;
        while (_position < _text.Length && (IsWordPart(_text[_position]) || _text[_position] == '@'))
        {
            _position++;
        }

        return true;
    }

    private void ReadNumber()
    {
        if (_text[_position] == '0' && (Peek(1) == 'x' || Peek(1) == 'X') && _dialect != SqlDialect.PostgreSql)
        {
            _position += 2;
            while (_position < _text.Length && char.IsAsciiHexDigit(_text[_position]))
            {
                _position++;
            }

            return;
        }

        while (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '.'))
        {
            _position++;
        }

        if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
        {
            int i = _position + 1;
            if (i < _text.Length && (_text[i] == '+' || _text[i] == '-'))
            {
                i++;
            }

            if (i < _text.Length && char.IsAsciiDigit(_text[i]))
            {
                _position = i;
                while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                {
                    _position++;
                }
            }
        }
    }

    private bool IsWordStart(char c) =>
        char.IsLetter(c) || c == '_' || (c == '#' && _dialect == SqlDialect.SqlServer);

    private bool IsWordPart(char c) =>
        char.IsLetterOrDigit(c) || c == '_' || c == '$' || (c == '#' && _dialect == SqlDialect.SqlServer);

    private static bool IsOperatorChar(char c) => c switch
    {
        '=' or '<' or '>' or '!' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '~' or ':' or '?' or '@' => true,
        _ => false,
    };
}
