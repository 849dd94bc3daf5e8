// Result<T>: a value or an error message, so stages return failures instead of throwing.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace pc {

struct Error {
    QString message; // names the file or object and the problem, ready for a user
    QString code;    // short machine code, e.g. "binary-file", "db-locked"
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {} // NOLINT(google-explicit-constructor)
    Result(Error error) : m_error(std::move(error)) {} // NOLINT(google-explicit-constructor)

    static Result failure(QString message, QString code = {}) { return Error{std::move(message), std::move(code)}; }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const T& operator*() const { return *m_value; }
    const Error& error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// For operations with nothing to return.
struct Unit_ {};
using Status = Result<Unit_>;
inline Status okStatus() { return Unit_{}; }

} // namespace pc
