#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace triad {

/// What went wrong, where, in words a user can act on. Core never throws across its API:
/// every fallible function returns a Result.
struct Error {
    enum class Code {
        InvalidInput,  ///< bad template, bad argument, bad file content (CLI exit 2)
        NotFound,      ///< a named thing (file, template, asset, run) does not exist
        Io,            ///< the file system refused (read-only, full disk, permissions)
        Database,      ///< SQLite reported an error
        Incompatible,  ///< a project file from a newer Triad, or not a Triad file at all
        Transport,     ///< a host could not be reached or a session broke
        Unsupported,   ///< a transport or feature this build does not provide
        Timeout,
        Cancelled,
        Internal,
    };

    Code code = Code::Internal;
    QString message;   ///< one sentence, no trailing period needed
    QString location;  ///< "file:line:column", "host/step", or empty

    /// "location: message" (or just the message when there is no location).
    [[nodiscard]] QString toString() const
    {
        return location.isEmpty() ? message : location + QStringLiteral(": ") + message;
    }
};

inline Error makeError(Error::Code code, QString message, QString location = {})
{
    return Error{code, std::move(message), std::move(location)};
}

/// A value or an Error. Deliberately small: ok(), value(), error(), and explicit bool.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}       // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}   // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    /// On a temporary the value is moved out, so `for (x : *db.results(id))` owns what it loops
    /// over instead of dangling into a destroyed Result.
    [[nodiscard]] T value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T operator*() && { return std::move(*this).value(); }

    [[nodiscard]] const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that yields nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace triad
