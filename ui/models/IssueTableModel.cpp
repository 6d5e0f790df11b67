#include "IssueTableModel.h"

#include "ui/IssueQueries.h"
#include "ui/Theme.h"

#include <QBrush>
#include <QColor>
#include <QPointer>

namespace triad {
namespace {

// Read at paint time from the theme: a switch to the dark palette repaints in its shades.
QColor stateColor(const IssueRecord &issue)
{
    if (issue.waived)
        return Theme::color(Theme::Tone::Waived);
    return Theme::color(issue.state == IssueState::Open ? Theme::Tone::Bad : Theme::Tone::Good);
}

} // namespace

IssueTableModel::IssueTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void IssueTableModel::setQuery(const QString &path, const IssueFilter &filter)
{
    m_path = path;
    m_filter = filter;
    m_filter.limit = kPageSize;
    m_filter.offset = 0;
    reload();
}

void IssueTableModel::reload()
{
    beginResetModel();
    m_issues.clear();
    m_total = 0;
    m_error.clear();
    ++m_generation;
    m_loading = false;
    endResetModel();
    if (!m_path.isEmpty())
        requestPage(true);
}

void IssueTableModel::clear()
{
    m_path.clear();
    reload();
}

void IssueTableModel::setRunTimes(QHash<qint64, QDateTime> runTimes)
{
    m_runTimes = std::move(runTimes);
    if (!m_issues.isEmpty())
        emit dataChanged(index(0, FirstSeen), index(int(m_issues.size()) - 1, LastSeen), {Qt::DisplayRole});
}

const IssueRecord *IssueTableModel::issueAt(int row) const
{
    return row >= 0 && row < m_issues.size() ? &m_issues.at(row) : nullptr;
}

int IssueTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int IssueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool IssueTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_path.isEmpty() && !m_loading && m_error.isEmpty()
        && m_issues.size() < m_total;
}

void IssueTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(false);
}

void IssueTableModel::requestPage(bool first)
{
    m_loading = true;
    IssueFilter page = m_filter;
    page.offset = first ? 0 : int(m_issues.size());
    const quint64 generation = m_generation;
    QPointer<IssueTableModel> self(this);
    IssueQueries::loadPage(m_path, page, first)
        .then(this, [self, generation, first](const Result<IssuePage> &result) {
            if (!self || self->m_generation != generation)
                return;
            if (!result) {
                self->m_loading = false;
                self->m_error = result.error().toString();
                emit self->loadFailed(self->m_error);
                return;
            }
            // Still "loading" while the rows go in: a view or tester reacting to rowsInserted must not
            // ask for the next page before the row count and the total are final.
            if (!result->issues.isEmpty()) {
                const int from = int(self->m_issues.size());
                self->beginInsertRows({}, from, from + int(result->issues.size()) - 1);
                self->m_issues += result->issues;
                self->endInsertRows();
            }
            if (first)
                self->m_total = result->total;
            // A count is a snapshot: a short page means the end, whatever it said.
            if (result->issues.size() < IssueTableModel::kPageSize)
                self->m_total = int(self->m_issues.size());
            self->m_total = qMax(self->m_total, int(self->m_issues.size()));
            self->m_loading = false;
            emit self->pageLoaded(first);
        });
}

QString IssueTableModel::runText(qint64 runId) const
{
    if (runId <= 0)
        return {};
    const QDateTime at = m_runTimes.value(runId);
    if (!at.isValid())
        return tr("run %1").arg(runId);
    return tr("run %1 · %2").arg(runId).arg(at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
}

QVariant IssueTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IssueRecord &issue = m_issues.at(index.row());
    switch (role) {
    case IssueIdRole:
        return issue.id;
    case SeverityRankRole:
        return int(issue.severity);
    case StateRole:
        return issue.displayState();
    case Qt::ForegroundRole:
        return index.column() == State ? QVariant(QBrush(stateColor(issue))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Regressions ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case State:
            return issue.waiverExpired ? tr("open (waiver expired)") : issue.displayState();
        case Severity:
            return toString(issue.severity);
        case Asset:
            return issue.assetName;
        case Check:
            return issue.checkId;
        case Title:
            return issue.title;
        case Subject:
            return issue.subject;
        case FirstSeen:
            return runText(issue.firstSeenRun);
        case LastSeen:
            return runText(issue.lastSeenRun);
        case Regressions:
            return issue.regressions;
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant IssueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case State:
        return tr("State");
    case Severity:
        return tr("Severity");
    case Asset:
        return tr("Asset");
    case Check:
        return tr("Check");
    case Title:
        return tr("Title");
    case Subject:
        return tr("Subject");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    case Regressions:
        return tr("Regressions");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace triad
