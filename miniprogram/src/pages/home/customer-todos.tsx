import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyTodosResponse } from '@zhixiang/shared/home/schemas';
import type { TodoTarget } from '@zhixiang/shared/home/todos';
import { ID_DOCUMENT_UPDATE_PURPOSE } from '@zhixiang/shared/identity/id-card';
import { usePageData, useReloadOnShow } from '../../hooks/use-page-data';
import { pageUrls } from '../../lib/navigation';
import { api } from '../../services/api';

type Todo = MyTodosResponse['todos'][number];

/** One tap from a to-do to where it is done. */
function openTarget(target: TodoTarget): void {
  switch (target.page) {
    case 'document':
      void Taro.navigateTo({ url: pageUrls.documentDetail(target.documentId) });
      return;
    case 'callback':
      void Taro.navigateTo({ url: pageUrls.callbackBooking(target.policyNo) });
      return;
    case 'policy':
      void Taro.navigateTo({ url: pageUrls.policyDetail(target.policyNo) });
      return;
    case 'letters':
      void Taro.navigateTo({ url: pageUrls.myLetters });
      return;
    case 'handoff':
      // The 客服 tab resumes the customer's open conversation.
      void Taro.switchTab({ url: pageUrls.assistant });
      return;
    case 'loan_repayment':
      void Taro.navigateTo({ url: pageUrls.endorsementApply(target.policyNo, 'loan_repayment') });
      return;
    case 'id_card':
      void Taro.navigateTo({ url: pageUrls.identityIdCard(ID_DOCUMENT_UPDATE_PURPOSE) });
      return;
    case 'application':
      // Opening the application reads its result messages: the to-do goes.
      void Taro.navigateTo({ url: pageUrls.endorsementApplication(target.applicationId) });
      return;
  }
}

/** The countdown beside a to-do with a last day: 今天截止 / 剩 N 天 / 已过 N 天. */
function Countdown({ todo }: { todo: Todo }) {
  if (todo.daysLeft === null) return null;
  const urgent = todo.daysLeft <= 3;
  return (
    <Text
      className={`zx-home__countdown ${urgent ? 'zx-home__countdown--urgent' : ''}`}
      data-testid="todo-countdown"
    >
      {todo.daysLeft === 0
        ? '今天截止'
        : todo.daysLeft < 0
          ? `已过 ${-todo.daysLeft} 天`
          : `剩 ${todo.daysLeft} 天`}
    </Text>
  );
}

/**
 * 我的待办: what the customer must do next, most urgent first, computed by the server from their
 * real state. Reloaded whenever the home shows again, so a to-do done elsewhere is gone on return.
 */
export function CustomerTodos() {
  const data = usePageData(() => api.getMyTodos());
  useReloadOnShow(data);
  const { state } = data;
  return (
    <View className="zx-home__section" data-testid="home-todos">
      <View className="zx-home__section-head">
        <Text className="zx-home__section-title">我的待办</Text>
        {state.status === 'ready' && state.data.todos.length > 0 ? (
          <Text className="zx-home__badge" data-testid="todo-count">
            {state.data.todos.length}
          </Text>
        ) : null}
      </View>
      {state.status === 'loading' ? <Text className="zx-muted">正在加载待办…</Text> : null}
      {state.status === 'error' ? (
        <View className="zx-card" data-testid="todos-error" onClick={() => void data.reload()}>
          <Text className="zx-muted">{state.error.message}，点此重试</Text>
        </View>
      ) : null}
      {state.status === 'ready' && state.data.todos.length === 0 ? (
        <View className="zx-card zx-home__todo-empty" data-testid="todos-empty">
          <Text className="zx-muted">暂无待办，您的事项都已办妥</Text>
        </View>
      ) : null}
      {state.status === 'ready'
        ? state.data.todos.map((todo) => (
            <View
              key={todo.id}
              className={`zx-card zx-home__todo zx-home__todo--${todo.kind}`}
              data-testid="todo"
              data-kind={todo.kind}
              onClick={() => openTarget(todo.target)}
            >
              <View className="zx-home__todo-head">
                <Text className="zx-home__todo-title">{todo.title}</Text>
                <Countdown todo={todo} />
              </View>
              <Text className="zx-muted zx-home__todo-detail">{todo.detail}</Text>
            </View>
          ))
        : null}
    </View>
  );
}
