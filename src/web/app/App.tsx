// Providers around the router: antd ConfigProvider (ru_RU or en_US) and App, TanStack Query, BrowserRouter.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppFeedbackBridge } from '../components/AppFeedbackBridge';
import { AppRouter } from './AppRouter';
import { createQueryClient } from './queryClient';
import './app.css';

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : ruRU}
      theme={{ token: { colorPrimary: '#1f6feb', borderRadius: 6 } }}
    >
      <AntApp>
        <AppFeedbackBridge />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRouter />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
